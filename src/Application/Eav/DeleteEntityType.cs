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
/// Deletes the type and frees its entity_types allocation in one transaction. Without
/// <see cref="DeleteEntityTypeCommand.Force"/> a type with entities is refused; entities are not
/// stored yet (EntityService comes next), so every type has none and the delete goes ahead.
/// </summary>
internal sealed class DeleteEntityTypeHandler(IEntityTypeRepository types, IRequestContext context, Quota.Allocations allocations)
    : ICommandHandler<DeleteEntityTypeCommand, Result<string>>
{
    public async ValueTask<Result<string>> Handle(DeleteEntityTypeCommand command, CancellationToken ct)
    {
        if (!(await types.LoadAsync(context, command.Name, command.Etag, ct)).TryGetValue(out var type, out var failed))
        {
            return failed;
        }

        types.Remove(type);
        var outcome = await allocations.SaveReleasingAsync(type.TenantId, Metrics.EntityTypes, 1, ct);
        return outcome.Status switch
        {
            SaveStatus.Saved => command.Name,
            SaveStatus.ConcurrencyConflict => Error.ConcurrentModification(command.Name),
            _ => throw new InvalidOperationException($"Unexpected save outcome {outcome.Status} ({outcome.Constraint}) deleting an entity type."),
        };
    }
}
