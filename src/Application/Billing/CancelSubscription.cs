using Mediator;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Common;
using Platform.Domain.Billing;
using Platform.Domain.Common;
using Platform.Domain.Quota;

namespace Platform.Application.Billing;

public sealed record CancelSubscriptionCommand(string Name, ChangeTiming Timing, DateTimeOffset? RequestTime) : ICommand<Result<SubscriptionView>>, IValidatable
{
    public Error? Validate() => new Validation().Merge(BillingNames.Subscription(Name).Error)
        .Check(Enum.IsDefined(Timing), "timing", "must be NOW or PERIOD_END").ToError();
}

/// <summary>
/// NOW ends the subscription at once and issues the final invoice (usage and prorations up to now;
/// the base fee paid in advance is not refunded); PERIOD_END lets the run issue it at the boundary.
/// Either way the tenant returns to the free quota plan when the subscription ends.
/// </summary>
internal sealed class CancelSubscriptionHandler(ISubscriptionStore subscriptions, BillingEngine engine, TimeProvider clock)
    : ICommandHandler<CancelSubscriptionCommand, Result<SubscriptionView>>
{
    public async ValueTask<Result<SubscriptionView>> Handle(CancelSubscriptionCommand command, CancellationToken ct)
    {
        var tenantId = BillingNames.Subscription(command.Name).Value;
        if (await subscriptions.FindLatestAsync(tenantId, ct) is not { Status: SubscriptionStatus.Active, EndTime: null } found)
        {
            return Error.InvalidState(command.Name, "NOT_ACTIVE", "There is no active, uncanceled subscription to cancel.");
        }

        var at = BillingTime.Truncate(command.RequestTime ?? BillingTime.Now(clock));
        var (s, _) = await engine.IssueDueAsync(found, at, ct);
        if (s.OpenedBoundary is { } opened && at < opened)
        {
            return Error.Validation("request_time", "must not precede the open period");
        }

        SubscriptionRecord canceled;
        if (s.OpenedBoundary is null)
        {
            // Nothing billed yet (a trial): it ends without an invoice.
            canceled = s with { EndTime = at, NextBoundary = null, Status = SubscriptionStatus.Canceled, Revision = s.Revision + 1 };
        }
        else
        {
            var end = command.Timing == ChangeTiming.Immediately ? at : BillingEngine.Calendar(s).PeriodContaining(s.OpenedBoundary.Value).End;
            canceled = s with { EndTime = end, NextBoundary = end, Revision = s.Revision + 1 };
        }

        if (!await subscriptions.UpdateAsync(canceled, s.Revision, ct))
        {
            return Error.ConcurrentModification(command.Name);
        }

        if (canceled.Status == SubscriptionStatus.Canceled)
        {
            await engine.SwitchQuotaPlanAsync(tenantId, PlanRules.DefaultPlanId, ct);
        }
        else if (command.Timing == ChangeTiming.Immediately)
        {
            (canceled, _) = await engine.IssueDueAsync(canceled, at, ct);
        }

        return await Views.OfAsync(subscriptions, engine, canceled, ct);
    }
}
