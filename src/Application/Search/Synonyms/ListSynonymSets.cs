using Mediator;
using Platform.Application.Abstractions.Search;
using Platform.Application.Abstractions.Security;
using Platform.Application.Access;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Search;

namespace Platform.Application.Search.Synonyms;

public sealed record ListSynonymSetsQuery(string Parent, int PageSize, string? PageToken) : IQuery<Result<SynonymSetPage>>, IValidatable
{
    public Error? Validate() => new Validation().Merge(AccessNames.Tenant(Parent).Error).Merge(Paging.PageSize(PageSize).Error).ToError();
}

public sealed record SynonymSetPage(IReadOnlyList<SynonymSetRecord> SynonymSets, string NextPageToken);

internal sealed class ListSynonymSetsHandler(ISynonymSetRepository sets, IRequestContext context) : IQueryHandler<ListSynonymSetsQuery, Result<SynonymSetPage>>
{
    public async ValueTask<Result<SynonymSetPage>> Handle(ListSynonymSetsQuery query, CancellationToken ct)
    {
        var tenantId = AccessNames.Tenant(query.Parent).Value;
        if (AccessRules.CheckScope(context, tenantId) is { } outOfScope)
        {
            return outOfScope;
        }

        var fingerprint = PageToken.Fingerprint("synonymSets", query.Parent);
        if (!PageToken.Decode(query.PageToken, fingerprint).TryGetValue(out var after, out var tokenError))
        {
            return tokenError;
        }

        if (after is not (null or [_]))
        {
            return PageToken.Malformed();
        }

        var size = Paging.PageSize(query.PageSize).Value;
        var rows = await sets.ListAsync(tenantId, after?[0], size + 1, ct);
        var page = rows.Take(size).ToList();
        return new SynonymSetPage(page, rows.Count > size ? PageToken.Encode(fingerprint, [page[^1].Id]) : "");
    }
}
