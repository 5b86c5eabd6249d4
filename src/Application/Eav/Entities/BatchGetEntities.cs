using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Eav;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Eav.Entities;

public sealed record BatchGetEntitiesQuery(string Parent, IReadOnlyList<string> Names) : IQuery<Result<IReadOnlyList<EntityView>>>, IValidatable
{
    public const int MaxNames = 1000;

    public Error? Validate()
    {
        var v = new Validation().Merge(EntityTypeNames.EntityType(Parent, "parent").Error);
        v.Check(Names.Count is > 0 and <= MaxNames, "names", $"must hold 1 to {MaxNames} names");
        for (var i = 0; i < Names.Count && i < MaxNames; i++)
        {
            if (!EntityResourceNames.Entity(Names[i], $"names[{i}]").TryGetValue(out var name, out var error))
            {
                v.Merge(error);
            }
            else
            {
                v.Check(name.TypeName == Parent, $"names[{i}]", "must be an entity of the parent type");
            }
        }

        return v.ToError();
    }
}

/// <summary>All or nothing, in the order asked (AIP-231).</summary>
internal sealed class BatchGetEntitiesHandler(IEntityTypeRepository types, IEntityStore store, IRequestContext context)
    : IQueryHandler<BatchGetEntitiesQuery, Result<IReadOnlyList<EntityView>>>
{
    public async ValueTask<Result<IReadOnlyList<EntityView>>> Handle(BatchGetEntitiesQuery query, CancellationToken ct)
    {
        if (!(await EntityAccess.TypeAsync(types, context, query.Parent, ct)).TryGetValue(out var type, out var failed))
        {
            return failed;
        }

        var ids = query.Names.Select(n => EntityResourceNames.Entity(n).Value.Id).ToList();
        var found = (await store.FindManyAsync(type, ids, ct)).ToDictionary(e => e.Id, StringComparer.Ordinal);
        var views = new List<EntityView>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            if (!found.TryGetValue(ids[i], out var entity))
            {
                return Error.NotFound(query.Names[i]);
            }

            views.Add(EntityView.Of(type, entity));
        }

        return views;
    }
}
