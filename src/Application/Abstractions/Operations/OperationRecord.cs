namespace Platform.Application.Abstractions.Operations;

/// <summary>Where an operation is in its life; the last three are final (done).</summary>
public enum OperationState
{
    Pending = 1,
    Running = 2,
    Succeeded = 3,
    Failed = 4,
    Cancelled = 5,
}

/// <summary>
/// One long-running operation, <c>tenants/{tenant}/operations/{id}</c>. Progress is generic
/// (items processed of an estimated total, documents written); <see cref="Target"/> is what the
/// operation works on, e.g. an entity type's resource name.
/// </summary>
/// <param name="Kind">Which runner executes it, e.g. <c>search.reindex</c>.</param>
/// <param name="Cursor">Where the next chunk starts (the last id processed), so a new worker resumes there.</param>
/// <param name="ErrorCode">google.rpc.Code of a failed (or 1 for a cancelled) operation.</param>
public sealed record OperationRecord(
    string TenantId,
    string Id,
    string Kind,
    string Target,
    string? RequestId,
    OperationState State,
    bool CancelRequested,
    long Processed,
    long Total,
    long Documents,
    string? Cursor,
    DateTime CreateTime,
    DateTime UpdateTime,
    DateTime? StartTime,
    DateTime? EndTime,
    int? ErrorCode,
    string? ErrorMessage)
{
    public string ResourceName => $"tenants/{TenantId}/operations/{Id}";

    public bool IsDone => State is OperationState.Succeeded or OperationState.Failed or OperationState.Cancelled;

    /// <summary>google.rpc.Code.CANCELLED.</summary>
    public const int CancelledCode = 1;
}
