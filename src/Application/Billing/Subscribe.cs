using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Common;
using Platform.Domain.Billing;
using Platform.Domain.Common;
using Platform.Domain.Tenancy;

namespace Platform.Application.Billing;

public sealed record SubscribeCommand(string Name, string Plan, CommitmentTerm? Term, bool SkipTrial, DateTimeOffset? StartTime)
    : ICommand<Result<SubscriptionView>>, IValidatable
{
    public Error? Validate() => new Validation().Merge(BillingNames.Subscription(Name).Error).Merge(BillingNames.Plan(Plan, "plan").Error)
        .Check(Term is null || Enum.IsDefined(Term.Value), "commitment_term", "must be ONE_YEAR or THREE_YEARS").ToError();
}

/// <summary>
/// Pins the plan's current price version, fixes the tenant's zone and anchor day for the
/// subscription's life, switches the tenant's quota plan and issues the invoices already due (the
/// first one opens the first period, prorated from the start).
/// </summary>
internal sealed class SubscribeHandler(ISubscriptionStore subscriptions, IBillingCatalog catalog, ITenantRepository tenants, BillingEngine engine,
    TimeProvider clock) : ICommandHandler<SubscribeCommand, Result<SubscriptionView>>
{
    public async ValueTask<Result<SubscriptionView>> Handle(SubscribeCommand command, CancellationToken ct)
    {
        var tenantId = BillingNames.Subscription(command.Name).Value;
        var tenant = await tenants.FindAsync(TenantId.FromTrusted(tenantId), ct);
        if (tenant is null || tenant.State == TenantState.Deleted)
        {
            return Error.NotFound(BillingNames.Tenant($"tenants/{tenantId}").IsSuccess ? $"tenants/{tenantId}" : command.Name);
        }

        if (await subscriptions.FindLatestAsync(tenantId, ct) is { Status: SubscriptionStatus.Active } active)
        {
            return Error.AlreadyExists(active.Name);
        }

        var planId = BillingNames.Plan(command.Plan, "plan").Value;
        if (await catalog.FindCurrentPriceAsync(planId, ct) is not { } price)
        {
            return Error.NotFound(command.Plan + "/prices");
        }

        var now = BillingTime.Now(clock);
        var start = BillingTime.Truncate(command.StartTime ?? now);
        var billingStart = command.SkipTrial ? start : start.AddDays(price.TrialDays);
        if (!BillingCalendar.ForSubscription(tenant.TimeZone, price.Price.Interval, billingStart, tenant.BillingAnchorDay).TryGetValue(out var calendar, out var bad))
        {
            return bad;
        }

        Commitment? commitment = null;
        if (command.Term is { } term && !Commitment.Begin(term, calendar, billingStart).TryGetValue(out commitment, out var badTerm))
        {
            return badTerm;
        }

        var subscription = new SubscriptionRecord
        {
            TenantId = tenantId,
            SubscriptionId = "sub-" + Guid.NewGuid().ToString("N")[..12],
            Status = SubscriptionStatus.Active,
            PeriodPlanId = planId,
            PeriodPriceVersion = price.Price.Version,
            CommitmentTerm = commitment?.Term,
            CommitmentStart = commitment?.Start,
            CommitmentEnd = commitment?.End,
            StartTime = start,
            BillingStart = billingStart,
            TimeZone = tenant.TimeZone,
            AnchorDay = calendar.AnchorDay,
            AnchorMonth = calendar.AnchorMonth,
            Interval = price.Price.Interval,
            NextBoundary = calendar.PeriodContaining(billingStart).Start,
            CreditBalance = 0m,
            Revision = 1,
            CreateTime = now.UtcDateTime,
        };
        if (!await subscriptions.AddAsync(subscription, ct))
        {
            return Error.AlreadyExists(subscription.Name);
        }

        await engine.SwitchQuotaPlanAsync(tenantId, planId, ct);
        var (issued, _) = await engine.IssueDueAsync(subscription, now, ct);
        return await Views.OfAsync(subscriptions, engine, issued, ct);
    }
}
