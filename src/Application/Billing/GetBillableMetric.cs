using Mediator;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Billing;

public sealed record GetBillableMetricQuery(string Name) : IQuery<Result<BillableMetricDefinition>>, IValidatable
{
    public Error? Validate() => BillingNames.Metric(Name).Error;
}

internal sealed class GetBillableMetricHandler(IBillingCatalog catalog) : IQueryHandler<GetBillableMetricQuery, Result<BillableMetricDefinition>>
{
    public async ValueTask<Result<BillableMetricDefinition>> Handle(GetBillableMetricQuery query, CancellationToken ct) =>
        await catalog.FindMetricAsync(BillingNames.Metric(query.Name).Value, ct) is { } metric ? metric : Error.NotFound(query.Name);
}
