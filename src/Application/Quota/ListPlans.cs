using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Quota;

namespace Platform.Application.Quota;

public sealed record ListPlansQuery(int PageSize, string? PageToken) : IQuery<Result<PlanPage>>, IValidatable
{
    public Error? Validate() => Paging.PageSize(PageSize).Error;
}

public sealed record PlanPage(IReadOnlyList<Plan> Plans, string NextPageToken);

/// <summary>Plans by id, keyset-paged.</summary>
internal sealed class ListPlansHandler(IPlanRepository plans) : IQueryHandler<ListPlansQuery, Result<PlanPage>>
{
    private static readonly string Fingerprint = Common.PageToken.Fingerprint("plans");

    public async ValueTask<Result<PlanPage>> Handle(ListPlansQuery query, CancellationToken ct)
    {
        if (!Common.PageToken.Decode(query.PageToken, Fingerprint).TryGetValue(out var after, out var tokenError))
        {
            return tokenError;
        }

        if (after is not (null or [_]))
        {
            return Common.PageToken.Malformed();
        }

        var size = Paging.PageSize(query.PageSize).Value;
        var rows = await plans.ListAsync(after?[0], size + 1, ct);
        var page = rows.Take(size).ToList();
        return new PlanPage(page, rows.Count > size ? Common.PageToken.Encode(Fingerprint, [page[^1].Id]) : "");
    }
}
