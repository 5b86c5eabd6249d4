using System.Text.Json.Serialization;

namespace Platform.Application.Common;

[JsonSerializable(typeof(PageToken.TokenPayload))]
internal sealed partial class PageTokenJson : JsonSerializerContext;
