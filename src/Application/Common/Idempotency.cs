using Platform.Application.Abstractions;
using Platform.Domain.Common;

namespace Platform.Application.Common;

/// <summary>The replay half of AIP-155 idempotent creates, shared by every Create handler.</summary>
internal static class Idempotency
{
    /// <summary>
    /// Null when <paramref name="requestId"/> was never used in <paramref name="scope"/>; REQUEST_ID_REUSED
    /// when it was used for different content; otherwise the resource it created, loaded by name.
    /// </summary>
    public static async Task<Result<T>?> ReplayAsync<T>(
        this IIdempotencyStore store, string scope, string requestId, string fingerprint, string method,
        Func<string, Task<Result<T>>> loadByName, CancellationToken ct)
    {
        var record = await store.FindAsync(scope, requestId, ct);
        if (record is null)
        {
            return null;
        }

        return record.RequestHash == fingerprint ? await loadByName(record.ResourceName) : RequestIdReused(method);
    }

    public static Error RequestIdReused(string method) =>
        Error.Custom(ErrorKind.Invalid, ErrorReasons.RequestIdReused, $"request_id was already used for a different {method} request.",
            [new FieldViolation("request_id", "already used with different content")]);
}
