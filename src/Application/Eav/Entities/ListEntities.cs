using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Eav;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Application.Eav.Filtering;
using Platform.Application.Eav.Filtering.Ordering;
using Platform.Domain.Common;

namespace Platform.Application.Eav.Entities;

public sealed record ListEntitiesQuery(string Parent, int PageSize, string? PageToken, string? Filter, string? OrderBy,
    IReadOnlyList<string> ReadMask, bool ShowDeleted, bool IncludeTotalSize) : IQuery<Result<EntityPage>>, IValidatable
{
    public Error? Validate() => new Validation().Merge(EntityTypeNames.EntityType(Parent, "parent").Error).Merge(Paging.PageSize(PageSize).Error).ToError();
}

/// <param name="TotalSize">Null unless asked for.</param>
public sealed record EntityPage(IReadOnlyList<EntityView> Entities, string NextPageToken, EntityCount? TotalSize);

/// <summary>
/// One keyset page: the position after the last row rides in the page token, so pages stay
/// stable while entities are inserted. The total is exact up to <see cref="ExactCountLimit"/>.
/// </summary>
internal sealed class ListEntitiesHandler(IEntityTypeRepository types, IEntityStore store, IRequestContext context)
    : IQueryHandler<ListEntitiesQuery, Result<EntityPage>>
{
    public const long ExactCountLimit = 10_000;

    public async ValueTask<Result<EntityPage>> Handle(ListEntitiesQuery query, CancellationToken ct)
    {
        if (!(await EntityAccess.TypeAsync(types, context, query.Parent, ct)).TryGetValue(out var type, out var failed))
        {
            return failed;
        }

        if (!EntityQueries.Filter(query.Filter, type).TryGetValue(out var filter, out var badFilter))
        {
            return badFilter;
        }

        if (!EntityQueries.Order(query.OrderBy, type).TryGetValue(out var order, out var badOrder))
        {
            return badOrder;
        }

        if (!EntityQueries.Mask(query.ReadMask, type).TryGetValue(out var mask, out var badMask))
        {
            return badMask;
        }

        var fingerprint = PageToken.Fingerprint("entities", query.Parent, query.Filter ?? "", query.OrderBy ?? "", query.ShowDeleted ? "1" : "0");
        if (!PageToken.Decode(query.PageToken, fingerprint).TryGetValue(out var key, out var tokenError))
        {
            return tokenError;
        }

        SortCursor? after = null;
        if (key is not null && (after = SortCursor.FromKey(key, order)) is null)
        {
            return PageToken.Malformed();
        }

        var size = Paging.PageSize(query.PageSize).Value;
        var rows = await store.ListAsync(type, new EavListQuery(type.TenantId, type.Id, filter, order, after, size + 1, query.ShowDeleted), ct);
        var page = rows.Take(size).ToList();
        var next = rows.Count > size ? PageToken.Encode(fingerprint, SortCursor.After(EntityQueries.Subject(page[^1]), order).ToKey()) : "";
        var total = query.IncludeTotalSize ? await store.CountAsync(type, filter, query.ShowDeleted, ExactCountLimit, ct) : (EntityCount?)null;
        return new EntityPage(page.Select(e => EntityView.Of(type, e, mask)).ToList(), next, total);
    }
}
