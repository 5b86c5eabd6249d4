using Mediator;
using Platform.Application.Abstractions.Search;
using Platform.Application.Abstractions.Security;
using Platform.Application.Access;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Search;

namespace Platform.Application.Search.Synonyms;

public sealed record GetSynonymSetQuery(string Name) : IQuery<Result<SynonymSetRecord>>, IValidatable
{
    public Error? Validate() => SynonymSetNames.Parse(Name).Error;
}

internal sealed class GetSynonymSetHandler(ISynonymSetRepository sets, IRequestContext context) : IQueryHandler<GetSynonymSetQuery, Result<SynonymSetRecord>>
{
    public async ValueTask<Result<SynonymSetRecord>> Handle(GetSynonymSetQuery query, CancellationToken ct) =>
        await LoadAsync(sets, context, query.Name, null, ct);

    /// <summary>The set named (already validated), within the caller's tenant, at <paramref name="etag"/> when given.</summary>
    internal static async Task<Result<SynonymSetRecord>> LoadAsync(ISynonymSetRepository sets, IRequestContext context, string name, string? etag, CancellationToken ct)
    {
        var parsed = SynonymSetNames.Parse(name).Value;
        if (AccessRules.CheckScope(context, parsed.TenantId) is { } outOfScope)
        {
            return outOfScope;
        }

        if (await sets.FindAsync(parsed.TenantId, parsed.Id, ct) is not { } record)
        {
            return Error.NotFound(name);
        }

        return record.CheckEtag(etag) is { } stale ? stale : record;
    }
}
