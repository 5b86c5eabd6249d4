namespace Platform.Application.Abstractions.Operations;

/// <summary>
/// Long-running operations of tenants (the <c>operations</c> table). Every read is scoped to one
/// tenant; the worker's claim and progress writes live with the worker in Infrastructure.
/// </summary>
public interface IOperationStore
{
    Task<OperationRecord?> FindAsync(string tenantId, string id, CancellationToken ct);

    /// <summary>The operation a request_id created (any state), for idempotent repeats.</summary>
    Task<OperationRecord?> FindByRequestIdAsync(string tenantId, string requestId, CancellationToken ct);

    /// <summary>The pending or running operation of <paramref name="kind"/> on <paramref name="target"/>, if any.</summary>
    Task<OperationRecord?> FindActiveAsync(string tenantId, string kind, string target, CancellationToken ct);

    /// <summary>
    /// Inserts a pending operation; false when a unique rule refused it (its request_id was taken,
    /// or another operation of the kind is active on the target), so the caller can read the winner.
    /// </summary>
    Task<bool> TryInsertAsync(OperationRecord operation, CancellationToken ct);

    /// <summary>Newest first (create time, then id, both descending), after <paramref name="after"/>.</summary>
    Task<IReadOnlyList<OperationRecord>> ListAsync(string tenantId, bool? done, (DateTime CreateTime, string Id)? after, int limit, CancellationToken ct);

    /// <summary>
    /// Marks an active operation for cancellation and cancels it at once when no worker holds it;
    /// a finished one is left alone. Returns the operation as it is afterwards (null: not found).
    /// </summary>
    Task<OperationRecord?> RequestCancelAsync(string tenantId, string id, DateTime now, CancellationToken ct);

    /// <summary>Deletes a finished operation; false when it is still active.</summary>
    Task<bool> DeleteFinishedAsync(string tenantId, string id, CancellationToken ct);

    /// <summary>Tells the worker there is work (after an insert).</summary>
    void Wake();
}
