using System.Text.Json;
using Platform.Domain.Common;
using Platform.Domain.Eav;

namespace Platform.Application.Eav.Entities;

/// <summary>Reads the attributes a client sent (a JSON object) into canonical values of the type.</summary>
internal static class EntityInput
{
    /// <param name="prefix">Prepended to field names, e.g. <c>requests[3].entity.</c> in a batch.</param>
    public static Result<AttributeMap> Read(EntityType type, string? json, bool applyDefaults, string prefix = "entity.")
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            json = "{}";
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var result = EntityAttributes.ValidateJson(type, document.RootElement, applyDefaults);
            return result.IsSuccess || prefix.Length == 0 ? result : new Validation().Merge(result.Error, prefix.TrimEnd('.')).ToError()!;
        }
        catch (JsonException)
        {
            return Error.Validation(prefix + "attributes", "must be a JSON object");
        }
    }
}
