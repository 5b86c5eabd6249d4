using Mediator;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Billing;

public sealed record GetCurrentPlanPriceQuery(string Parent) : IQuery<Result<StoredPrice>>, IValidatable
{
    public Error? Validate() => BillingNames.Plan(Parent, "parent").Error;
}

/// <summary>The latest version: the one new subscriptions and plan changes pin.</summary>
internal sealed class GetCurrentPlanPriceHandler(IBillingCatalog catalog) : IQueryHandler<GetCurrentPlanPriceQuery, Result<StoredPrice>>
{
    public async ValueTask<Result<StoredPrice>> Handle(GetCurrentPlanPriceQuery query, CancellationToken ct) =>
        await catalog.FindCurrentPriceAsync(BillingNames.Plan(query.Parent, "parent").Value, ct) is { } price
            ? price
            : Error.NotFound(query.Parent + "/prices");
}
