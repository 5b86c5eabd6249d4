using System.Globalization;
using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Eav;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Eav;

namespace Platform.Application.Eav.Entities;

public sealed record ListEntityRevisionsQuery(string Parent, int PageSize, string? PageToken) : IQuery<Result<RevisionPage>>, IValidatable
{
    public Error? Validate() => new Validation().Merge(EntityResourceNames.Entity(Parent, "parent").Error).Merge(Paging.PageSize(PageSize).Error).ToError();
}

public sealed record RevisionPage(IReadOnlyList<EntityRevision> Revisions, string NextPageToken);

/// <summary>An entity's revisions, newest first, keyset-paged by version.</summary>
internal sealed class ListEntityRevisionsHandler(IEntityTypeRepository types, IEntityStore store, IRequestContext context)
    : IQueryHandler<ListEntityRevisionsQuery, Result<RevisionPage>>
{
    public async ValueTask<Result<RevisionPage>> Handle(ListEntityRevisionsQuery query, CancellationToken ct)
    {
        var name = EntityResourceNames.Entity(query.Parent).Value;
        if (!(await EntityAccess.EntityAsync(types, store, context, name, null, ct)).TryGetValue(out var found, out var failed))
        {
            return failed;
        }

        var fingerprint = PageToken.Fingerprint("revisions", query.Parent);
        if (!PageToken.Decode(query.PageToken, fingerprint).TryGetValue(out var key, out var tokenError))
        {
            return tokenError;
        }

        long? before = null;
        if (key is not null)
        {
            if (key is not [var text] || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                return PageToken.Malformed();
            }

            before = version;
        }

        var size = Paging.PageSize(query.PageSize).Value;
        var rows = await store.ListRevisionsAsync(found.Type, name.Id, before, size + 1, ct);
        var page = rows.Take(size).ToList();
        return new RevisionPage(page, rows.Count > size ? PageToken.Encode(fingerprint, [page[^1].Version.ToString(CultureInfo.InvariantCulture)]) : "");
    }
}
