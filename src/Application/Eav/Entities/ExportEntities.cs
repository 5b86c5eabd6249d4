using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Eav;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Eav.Entities;

public sealed record ExportEntitiesQuery(string Parent, string? Filter, bool ShowDeleted) : IQuery<Result<IAsyncEnumerable<EntityView>>>, IValidatable
{
    public Error? Validate() => EntityTypeNames.EntityType(Parent, "parent").Error;
}

/// <summary>
/// Checks the request up front (errors before the first message), then streams the matching
/// entities by id, read in keyset chunks so an export of any size holds one chunk in memory.
/// </summary>
internal sealed class ExportEntitiesHandler(IEntityTypeRepository types, IEntityStore store, IRequestContext context)
    : IQueryHandler<ExportEntitiesQuery, Result<IAsyncEnumerable<EntityView>>>
{
    public async ValueTask<Result<IAsyncEnumerable<EntityView>>> Handle(ExportEntitiesQuery query, CancellationToken ct)
    {
        if (!(await EntityAccess.TypeAsync(types, context, query.Parent, ct)).TryGetValue(out var type, out var failed))
        {
            return failed;
        }

        if (!EntityQueries.Filter(query.Filter, type).TryGetValue(out var filter, out var badFilter))
        {
            return badFilter;
        }

        return Result<IAsyncEnumerable<EntityView>>.Success(
            store.StreamAsync(type, filter, query.ShowDeleted, ct).Select(e => EntityView.Of(type, e)));
    }
}
