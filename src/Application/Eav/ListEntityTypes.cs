using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Security;
using Platform.Application.Access;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Eav;

namespace Platform.Application.Eav;

public sealed record ListEntityTypesQuery(string Parent, int PageSize, string? PageToken) : IQuery<Result<EntityTypePage>>, IValidatable
{
    public Error? Validate() => new Validation().Merge(AccessNames.Tenant(Parent).Error).Merge(Paging.PageSize(PageSize).Error).ToError();
}

public sealed record EntityTypePage(IReadOnlyList<EntityTypeView> EntityTypes, string NextPageToken);

/// <summary>A tenant's entity types by id, keyset-paged.</summary>
internal sealed class ListEntityTypesHandler(IEntityTypeRepository types, ITenantDirectory tenants, IRequestContext context, TimeProvider clock,
    Abstractions.Eav.IEavIndexes indexes)
    : IQueryHandler<ListEntityTypesQuery, Result<EntityTypePage>>
{
    public async ValueTask<Result<EntityTypePage>> Handle(ListEntityTypesQuery query, CancellationToken ct)
    {
        var tenantId = AccessNames.Tenant(query.Parent).Value;
        if (AccessRules.CheckScope(context, tenantId) is { } outOfScope)
        {
            return outOfScope;
        }

        var fingerprint = Common.PageToken.Fingerprint("entityTypes", query.Parent);
        if (!Common.PageToken.Decode(query.PageToken, fingerprint).TryGetValue(out var after, out var tokenError))
        {
            return tokenError;
        }

        if (after is not (null or [_]))
        {
            return Common.PageToken.Malformed();
        }

        if (await AccessRules.CheckTenantAsync(tenants, tenantId, clock.GetUtcNow().UtcDateTime, ct) is { } missing)
        {
            return missing;
        }

        var size = Paging.PageSize(query.PageSize).Value;
        var rows = await types.ListAsync(tenantId, after?[0], size + 1, ct);
        var page = rows.Take(size).ToList();
        var views = new List<EntityTypeView>(page.Count);
        foreach (var type in page)
        {
            views.Add(new EntityTypeView(type, await indexes.StatesAsync(type, ct)));
        }

        return new EntityTypePage(views, rows.Count > size ? Common.PageToken.Encode(fingerprint, [page[^1].Id]) : "");
    }
}
