using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Eav;
using Platform.Application.Abstractions.Operations;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Application.Eav;
using Platform.Application.Operations;
using Platform.Domain.Common;

namespace Platform.Application.Search;

public sealed record ReindexEntityTypeCommand(string Name, string? RequestId) : ICommand<Result<OperationRecord>>, IValidatable
{
    public Error? Validate()
    {
        var v = new Validation().Merge(EntityTypeNames.EntityType(Name).Error);
        RequestIds.Check(v, RequestId);
        return v.ToError();
    }
}

/// <summary>
/// Starts rebuilding a type's search documents as a long-running operation. One reindex per type
/// at a time: while one is pending or running, asking again returns it (a second pass would only
/// repeat the same work). A request_id returns the operation it created, whatever its state.
/// </summary>
internal sealed class ReindexEntityTypeHandler(IEntityTypeRepository types, IEntityStore store, IOperationStore operations, IRequestContext context,
    TimeProvider clock) : ICommandHandler<ReindexEntityTypeCommand, Result<OperationRecord>>
{
    public async ValueTask<Result<OperationRecord>> Handle(ReindexEntityTypeCommand command, CancellationToken ct)
    {
        if (!(await types.LoadCurrentAsync(context, command.Name, ct)).TryGetValue(out var type, out var failed))
        {
            return failed;
        }

        if (await ExistingAsync(type.TenantId, type.ResourceName, command.RequestId, ct) is { } existing)
        {
            return existing.Target == type.ResourceName ? existing : Idempotency.RequestIdReused("ReindexEntityType");
        }

        var now = Clock.Truncate(clock.GetUtcNow().UtcDateTime);
        var total = await store.CountLiveAsync(type.TenantId, type.Id, ct);
        var operation = new OperationRecord(type.TenantId, OperationNames.NewId(), SearchReindexer.OperationKind, type.ResourceName, command.RequestId,
            OperationState.Pending, false, 0, total, 0, null, now, now, null, null, null, null);
        if (await operations.TryInsertAsync(operation, ct))
        {
            operations.Wake();
            return operation;
        }

        // A concurrent request won the unique request_id or the type's one active slot: return its operation.
        return await ExistingAsync(type.TenantId, type.ResourceName, command.RequestId, ct) is { } winner
            ? winner.Target == type.ResourceName ? winner : Idempotency.RequestIdReused("ReindexEntityType")
            : Error.ConcurrentModification(type.ResourceName);
    }

    private async Task<OperationRecord?> ExistingAsync(string tenantId, string target, string? requestId, CancellationToken ct)
    {
        if (requestId is not null && await operations.FindByRequestIdAsync(tenantId, requestId, ct) is { } repeated)
        {
            return repeated;
        }

        return await operations.FindActiveAsync(tenantId, SearchReindexer.OperationKind, target, ct);
    }
}
