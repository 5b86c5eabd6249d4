namespace Platform.Application.Abstractions.Operations;

/// <summary>
/// Executes one kind of operation a chunk at a time, so the worker can save progress, notice
/// cancellation and hand over to another host between chunks. Runs in a scope acting for the
/// operation's tenant. Must be idempotent per chunk: after a crash the chunk is done again.
/// </summary>
public interface IOperationRunner
{
    string Kind { get; }

    /// <summary>Processes up to <paramref name="limit"/> items after <see cref="OperationRecord.Cursor"/>.</summary>
    Task<OperationStep> StepAsync(OperationRecord operation, int limit, CancellationToken ct);
}

/// <param name="Processed">Items read in this chunk.</param>
/// <param name="Documents">Items written in this chunk.</param>
/// <param name="Cursor">The position after this chunk.</param>
/// <param name="Finished">No items are left.</param>
/// <param name="Failure">An expected failure that ends the operation (e.g. its target was deleted): google.rpc.Code and a client-safe message.</param>
public sealed record OperationStep(int Processed, int Documents, string? Cursor, bool Finished, (int Code, string Message)? Failure = null);
