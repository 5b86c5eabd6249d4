using Mediator;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Billing;

public sealed record ListBillableMetricsQuery(int PageSize, string? PageToken) : IQuery<Result<MetricPage>>, IValidatable
{
    public Error? Validate() => Paging.PageSize(PageSize).Error;
}

public sealed record MetricPage(IReadOnlyList<BillableMetricDefinition> Metrics, string NextPageToken);

internal sealed class ListBillableMetricsHandler(IBillingCatalog catalog) : IQueryHandler<ListBillableMetricsQuery, Result<MetricPage>>
{
    private static readonly string Fingerprint = Common.PageToken.Fingerprint("billableMetrics");

    public async ValueTask<Result<MetricPage>> Handle(ListBillableMetricsQuery query, CancellationToken ct)
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
        var rows = await catalog.ListMetricsAsync(after?[0], size + 1, ct);
        var page = rows.Take(size).ToList();
        return new MetricPage(page, rows.Count > size ? Common.PageToken.Encode(Fingerprint, [page[^1].Id]) : "");
    }
}
