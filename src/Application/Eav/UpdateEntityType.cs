using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Security;
using Platform.Application.Access;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Eav;

namespace Platform.Application.Eav;

/// <param name="UpdateMask">display_name, description, attributes, query_hints or <c>*</c>; empty means every non-null part.</param>
public sealed record UpdateEntityTypeCommand(string Name, string? Etag, string? DisplayName, string? Description,
    IReadOnlyList<AttributeDraft>? Attributes, IReadOnlyList<QueryHint>? QueryHints, IReadOnlyList<string> UpdateMask)
    : ICommand<Result<EntityTypeView>>, IValidatable
{
    public static readonly IReadOnlyList<string> UpdatablePaths = ["display_name", "description", "attributes", "query_hints"];

    public Error? Validate()
    {
        var v = new Validation().Merge(EntityTypeNames.EntityType(Name, "entity_type.name").Error);
        foreach (var path in UpdateMask)
        {
            v.Check(path == "*" || UpdatablePaths.Contains(path), "update_mask",
                $"'{path}' is not updatable; use one of {string.Join(", ", UpdatablePaths)} or *");
        }

        return v.ToError();
    }

    private bool In(string path) => UpdateMask.Count == 0 || UpdateMask.Contains("*") || UpdateMask.Contains(path);

    /// <summary>
    /// The desired labels and hints (masked parts from the request, empty when unset; the rest as
    /// they are) and attributes, null when they stay as they are.
    /// </summary>
    internal (string DisplayName, string Description, IReadOnlyList<AttributeDraft>? Attributes, IReadOnlyList<QueryHint> QueryHints) Changes(EntityType current)
    {
        if (UpdateMask.Count == 0)
        {
            return (DisplayName ?? current.DisplayName, Description ?? current.Description, Attributes, QueryHints ?? current.QueryHints);
        }

        return (In("display_name") ? DisplayName ?? "" : current.DisplayName, In("description") ? Description ?? "" : current.Description,
            In("attributes") ? Attributes ?? [] : null, In("query_hints") ? QueryHints ?? [] : current.QueryHints);
    }
}

/// <summary>
/// Applies the schema evolution rules: a narrowing change runs its check against the existing
/// entities first and is refused, naming how many violate it and a few of them, unless none do.
/// The type's index set is re-planned in the same transaction and built in the background.
/// </summary>
internal sealed class UpdateEntityTypeHandler(IEntityTypeRepository types, IRequestContext context, IUnitOfWork unitOfWork,
    Abstractions.Eav.IEntityStore store, Abstractions.Eav.IEavIndexes indexes, TimeProvider clock)
    : ICommandHandler<UpdateEntityTypeCommand, Result<EntityTypeView>>
{
    private const int Examples = 5;

    public async ValueTask<Result<EntityTypeView>> Handle(UpdateEntityTypeCommand command, CancellationToken ct) =>
        await EntityTypeView.OfAsync(indexes, await UpdateAsync(command, ct), ct);

    private async Task<Result<EntityType>> UpdateAsync(UpdateEntityTypeCommand command, CancellationToken ct)
    {
        if (!(await types.LoadAsync(context, command.Name, command.Etag, ct)).TryGetValue(out var type, out var failed))
        {
            return failed;
        }

        var v = new Validation();
        var (displayName, description, drafts, hints) = command.Changes(type);
        var attributes = drafts is null ? type.VisibleAttributes.ToList() : EntityTypeDraft.ReadAttributes(v, drafts);
        if (v.ToError() is { } unreadable)
        {
            return unreadable;
        }

        var spec = new EntityTypeSpec(displayName, description, attributes, hints);
        if (!type.PlanUpdate(spec).TryGetValue(out var plan, out var refused))
        {
            return refused;
        }

        if (await EntityTypeReferences.CheckAsync(types, type.TenantId, type.Id, plan.Attributes, ct) is { } dangling)
        {
            return dangling;
        }

        foreach (var change in plan.Checks)
        {
            var query = Filtering.ExistingDataQuery.For(plan, change.Check!);
            var (count, sample) = await store.FindViolationsAsync(type, query, Examples, ct);
            if (count > 0)
            {
                return Domain.Eav.Evolution.SchemaEvolutionErrors.ExistingDataViolates(type, change, count,
                    sample.Select(id => EntityNames.Of(type.TenantId, type.Id, id)).ToList());
            }
        }

        if (!type.Apply(plan, clock.GetUtcNow().UtcDateTime).TryGetValue(out _, out var conflict))
        {
            return conflict;
        }

        var outcome = await unitOfWork.InTransactionAsync(async token =>
        {
            await indexes.PlanAsync(type, token);
            return await unitOfWork.SaveChangesAsync(token);
        }, o => o.Status == SaveStatus.Saved, ct);
        if (outcome.Status == SaveStatus.Saved)
        {
            indexes.Wake();
        }

        return outcome.Status switch
        {
            SaveStatus.Saved => type,
            SaveStatus.ConcurrencyConflict => Error.ConcurrentModification(type.ResourceName),
            _ => throw new InvalidOperationException($"Unexpected save outcome {outcome.Status} ({outcome.Constraint}) updating an entity type."),
        };
    }
}
