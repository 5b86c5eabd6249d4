using Mediator;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Billing;

public sealed record GetPlanPriceQuery(string Name) : IQuery<Result<StoredPrice>>, IValidatable
{
    public Error? Validate() => BillingNames.Price(Name).Error;
}

internal sealed class GetPlanPriceHandler(IBillingCatalog catalog) : IQueryHandler<GetPlanPriceQuery, Result<StoredPrice>>
{
    public async ValueTask<Result<StoredPrice>> Handle(GetPlanPriceQuery query, CancellationToken ct)
    {
        var (plan, version) = BillingNames.Price(query.Name).Value;
        return await catalog.FindPriceAsync(plan, version, ct) is { } price ? price : Error.NotFound(query.Name);
    }
}
