using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Quota;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Quota;

namespace Platform.Application.Quota;

/// <summary>
/// The transaction both counter methods share: replay by request_id, apply the ledger change,
/// claim the request_id, commit only if all of it succeeded.
/// </summary>
internal static class CounterChange
{
    public sealed record Request(string Method, string Name, string Metric, long Amount, string? RequestId);

    public static async Task<Result<LimitStatus>> ApplyAsync(ITenantLimits limits, IIdempotencyStore idempotency, IUnitOfWork unitOfWork,
        QuotaReader reader, TimeProvider clock, Request request, Func<string, Limit, long, Task<Error?>> change, CancellationToken ct)
    {
        var tenantId = QuotaNames.Quota(request.Name).Value;
        if (await limits.FindAsync(tenantId, ct) is not { } set)
        {
            return Error.NotFound(request.Name);
        }

        if (set.Find(request.Metric) is not { } effective)
        {
            return CounterRequest.Undeclared(set.PlanId, request.Metric);
        }

        var amount = CounterRequest.Amount(request.Amount);
        var scope = $"{request.Method}|{tenantId}";
        var fingerprint = CounterRequest.Fingerprint(request.Metric, request.Amount);
        var outcome = await unitOfWork.InTransactionAsync(async token =>
        {
            if (request.RequestId is { } id && await idempotency.FindAsync(scope, id, token) is { } seen)
            {
                return seen.RequestHash == fingerprint ? null : Idempotency.RequestIdReused(request.Method);
            }

            if (await change(tenantId, effective.Limit, amount) is { } refused)
            {
                return refused;
            }

            if (request.RequestId is { } key)
            {
                idempotency.Add(new IdempotencyRecord(scope, key, fingerprint, request.Name, clock.GetUtcNow().UtcDateTime));
            }

            var saved = await unitOfWork.SaveChangesAsync(token);
            // A concurrent retry with the same request_id committed first: ours rolls back and
            // answers as that one did.
            return saved.Status == SaveStatus.Saved ? null : saved.Status == SaveStatus.UniqueViolation ? Replayed : Error.ConcurrentModification(request.Name);
        }, error => error is null, ct);

        if (outcome is not null && !ReferenceEquals(outcome, Replayed))
        {
            return outcome;
        }

        // The concurrent claim may have been for different content under the same request_id.
        if (ReferenceEquals(outcome, Replayed) && await idempotency.FindAsync(scope, request.RequestId!, ct) is { } winner
            && winner.RequestHash != fingerprint)
        {
            return Idempotency.RequestIdReused(request.Method);
        }

        var view = await reader.ReadAsync(set, [effective], ct);
        return view.Limits[0];
    }

    // Marker for "the request_id was claimed concurrently": roll back, then report success.
    private static readonly Error Replayed = Error.Custom(ErrorKind.Aborted, ErrorReasons.ConcurrentModification, "replayed");
}
