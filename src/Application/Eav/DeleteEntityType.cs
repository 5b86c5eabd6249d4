using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Security;
using Platform.Application.Access;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Quota;

namespace Platform.Application.Eav;

public sealed record DeleteEntityTypeCommand(string Name, string? Etag, bool Force) : ICommand<Result<string>>, IValidatable
{
    public Error? Validate() => EntityTypeNames.EntityType(Name).Error;
}

/// <summary>
/// Deletes the type and frees its entity_types allocation in one transaction. A type with live
/// entities is refused unless <see cref="DeleteEntityTypeCommand.Force"/>, which deletes its
/// entities and revisions too and gives back their entities and storage_bytes allocations.
/// The type's indexes are dropped in the background after the commit.
/// </summary>
internal sealed class DeleteEntityTypeHandler(IEntityTypeRepository types, IRequestContext context, Quota.Allocations allocations,
    Abstractions.Eav.IEntityStore store, Abstractions.Eav.IEavIndexes indexes, IUnitOfWork unitOfWork)
    : ICommandHandler<DeleteEntityTypeCommand, Result<string>>
{
    public async ValueTask<Result<string>> Handle(DeleteEntityTypeCommand command, CancellationToken ct)
    {
        if (!(await types.LoadAsync(context, command.Name, command.Etag, ct)).TryGetValue(out var type, out var failed))
        {
            return failed;
        }

        var live = await store.CountLiveAsync(type.TenantId, type.Id, ct);
        if (live > 0 && !command.Force)
        {
            return Error.InvalidState(command.Name, "HAS_ENTITIES",
                $"{command.Name} still has {live} entities; delete them first or set force to delete them with the type.");
        }

        types.Remove(type);
        var outcome = await unitOfWork.InTransactionAsync(async token =>
        {
            var (entities, bytes) = await store.PurgeTypeAsync(type, token);
            await allocations.WithCountersAsync(type.TenantId, [(Metrics.Entities, -entities), (Metrics.StorageBytes, -bytes)],
                _ => Task.FromResult(Result<bool>.Success(true)), token);
            await indexes.ForgetAsync(type.TenantId, type.Id, token);
            return await allocations.SaveReleasingAsync(type.TenantId, Metrics.EntityTypes, 1, token);
        }, o => o.Status == SaveStatus.Saved, ct);
        if (outcome.Status == SaveStatus.Saved)
        {
            indexes.Wake();
        }

        return outcome.Status switch
        {
            SaveStatus.Saved => command.Name,
            SaveStatus.ConcurrencyConflict => Error.ConcurrentModification(command.Name),
            _ => throw new InvalidOperationException($"Unexpected save outcome {outcome.Status} ({outcome.Constraint}) deleting an entity type."),
        };
    }
}
