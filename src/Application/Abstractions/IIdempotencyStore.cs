namespace Platform.Application.Abstractions;

/// <summary>
/// Remembers which request_id created which resource (AIP-155), written in the same unit of work
/// as the resource so a retry can never observe one without the other.
/// </summary>
public interface IIdempotencyStore
{
    Task<IdempotencyRecord?> FindAsync(string scope, string requestId, CancellationToken ct);

    void Add(IdempotencyRecord record);
}

/// <param name="Scope">Who and what the key belongs to, e.g. the method and caller.</param>
/// <param name="RequestHash">Fingerprint of the request content, to spot a reused key.</param>
public sealed record IdempotencyRecord(string Scope, string RequestId, string RequestHash, string ResourceName, DateTime CreateTime);
