using Mediator;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Common;
using Platform.Domain.Billing;
using Platform.Domain.Common;

namespace Platform.Application.Billing;

public sealed record ChangePlanCommand(string Name, string Plan, ChangeTiming Timing, DateTimeOffset? RequestTime)
    : ICommand<Result<SubscriptionView>>, IValidatable
{
    public Error? Validate() => new Validation().Merge(BillingNames.Subscription(Name).Error).Merge(BillingNames.Plan(Plan, "plan").Error)
        .Check(Enum.IsDefined(Timing), "timing", "must be NOW or PERIOD_END").ToError();
}

/// <summary>
/// Records a plan change for the invoice of the open period. NOW switches the tenant's quota plan at
/// once and is prorated to the second on that invoice; PERIOD_END takes effect (plan and quota) when
/// the invoice run reaches the boundary. Before the first invoice (a trial) the plan is simply replaced.
/// </summary>
internal sealed class ChangePlanHandler(ISubscriptionStore subscriptions, IBillingCatalog catalog, BillingEngine engine, TimeProvider clock)
    : ICommandHandler<ChangePlanCommand, Result<SubscriptionView>>
{
    public async ValueTask<Result<SubscriptionView>> Handle(ChangePlanCommand command, CancellationToken ct)
    {
        var tenantId = BillingNames.Subscription(command.Name).Value;
        if (await subscriptions.FindLatestAsync(tenantId, ct) is not { Status: SubscriptionStatus.Active, EndTime: null } found)
        {
            return Error.InvalidState(command.Name, "NOT_ACTIVE", "There is no active, uncanceled subscription to change.");
        }

        var planId = BillingNames.Plan(command.Plan, "plan").Value;
        if (await catalog.FindCurrentPriceAsync(planId, ct) is not { } target)
        {
            return Error.NotFound(command.Plan + "/prices");
        }

        var current = await engine.PriceAsync(found.PeriodPlanId, found.PeriodPriceVersion, ct);
        if (target.Price.Currency != current.Currency || target.Price.Interval != current.Interval)
        {
            return Error.Validation("plan", "must have the subscription's currency and interval; changing those is a new subscription");
        }

        var at = BillingTime.Truncate(command.RequestTime ?? BillingTime.Now(clock));
        var (s, _) = await engine.IssueDueAsync(found, at, ct);
        var changes = await subscriptions.ChangesAsync(tenantId, s.SubscriptionId, ct);
        if (changes.Count > 0 && at < changes[^1].At || s.OpenedBoundary is { } opened && at < opened)
        {
            return Error.Validation("request_time", "must not precede the latest change or the open period");
        }

        var timing = command.Timing;
        if (s.OpenedBoundary is null)
        {
            // Nothing billed yet: the subscription simply starts on the new plan.
            var replaced = s with { PeriodPlanId = planId, PeriodPriceVersion = target.Price.Version, Revision = s.Revision + 1 };
            if (!await subscriptions.UpdateAsync(replaced, s.Revision, ct))
            {
                return Error.ConcurrentModification(command.Name);
            }

            s = replaced;
            timing = ChangeTiming.Immediately;
        }

        // A change during a trial that ends inside the open period counts from when billing starts.
        var effective = at < s.BillingStart ? s.BillingStart : at;
        await subscriptions.AddChangeAsync(new SubscriptionChangeRecord(tenantId, s.SubscriptionId, changes.Count + 1, effective, planId, target.Price.Version,
            timing), ct);
        if (timing == ChangeTiming.Immediately)
        {
            await engine.SwitchQuotaPlanAsync(tenantId, planId, ct);
        }

        return await Views.OfAsync(subscriptions, engine, s, ct);
    }
}
