using Mediator;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Billing;

public sealed record GetSubscriptionQuery(string Name) : IQuery<Result<SubscriptionView>>, IValidatable
{
    public Error? Validate() => BillingNames.Subscription(Name).Error;
}

internal sealed class GetSubscriptionHandler(ISubscriptionStore subscriptions, BillingEngine engine) : IQueryHandler<GetSubscriptionQuery, Result<SubscriptionView>>
{
    public async ValueTask<Result<SubscriptionView>> Handle(GetSubscriptionQuery query, CancellationToken ct) =>
        await subscriptions.FindLatestAsync(BillingNames.Subscription(query.Name).Value, ct) is { } s
            ? await Views.OfAsync(subscriptions, engine, s, ct)
            : Error.NotFound(query.Name);
}

internal static class Views
{
    public static async Task<SubscriptionView> OfAsync(ISubscriptionStore store, BillingEngine engine, SubscriptionRecord s, CancellationToken ct)
    {
        var changes = await store.ChangesAsync(s.TenantId, s.SubscriptionId, ct);
        var (plan, version, scheduled) = BillingEngine.InForce(s, changes);
        var period = s.Status == SubscriptionStatus.Canceled || s.OpenedBoundary is null
            ? null
            : BillingEngine.Calendar(s).PeriodContaining(s.OpenedBoundary.Value);
        var currency = (await engine.PriceAsync(plan, version, ct)).Currency;
        return new SubscriptionView(s, plan, version, scheduled?.PlanId, period, changes, currency);
    }
}
