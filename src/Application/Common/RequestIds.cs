using Platform.Domain.Common;

namespace Platform.Application.Common;

/// <summary>Shape rules for AIP-155 request ids.</summary>
public static class RequestIds
{
    public const int MaxLength = 64;

    public static void Check(Validation v, string? requestId, string field = "request_id") =>
        v.Check(requestId is null || (requestId.Length <= MaxLength && requestId.All(c => c is > ' ' and < '\u007f')),
            field, $"must be at most {MaxLength} printable ASCII characters (a UUID is recommended)");
}
