using System.Globalization;
using Grpc.Core;
using Platform.Billing.V1;
using Platform.Integration.Tests.Infrastructure;
using Platform.Tenancy.V1;
using static Platform.Integration.Tests.Billing.BillingScenario;

namespace Platform.Integration.Tests.Billing;

public sealed class SqliteSubscriptionTests(SqliteHostFixture fx) : SubscriptionContractTests<SqliteHostFixture>(fx);

public sealed class PostgresSubscriptionTests(PostgresHostFixture fx) : SubscriptionContractTests<PostgresHostFixture>(fx);

/// <summary>
/// Subscriptions through the RPCs: calendars (31st anchor, February 29, a DST zone), plan changes now
/// and at period end, cancellation, and the tenant's quota plan following along. Times are in 2028–2030
/// so the background run (which works at the real now) never touches them; RunInvoices drives them.
/// </summary>
public abstract class SubscriptionContractTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private SubscriptionService.SubscriptionServiceClient Subscriptions => new(fx.Operator);

    private InvoiceService.InvoiceServiceClient Invoices => new(fx.Operator);

    [Fact]
    public async Task A_subscription_anchored_on_the_31st_bills_february_29_and_month_ends()
    {
        var tenant = await NewTenantAsync(fx, anchorDay: 31);
        var sub = await Subscriptions.SubscribeAsync(new SubscribeRequest
        {
            Name = tenant.Name + "/subscription", Plan = "plans/basic", SkipTrial = true, StartTime = At("2028-01-31T00:00:00Z"),
        });
        Assert.Equal(("plans/basic", 1, 31), (sub.Plan, sub.PriceVersion, sub.BillingAnchorDay));
        Assert.Equal("plans/basic", (await fx.Tenants.GetTenantAsync(new GetTenantRequest { Name = tenant.Name })).Plan);

        var run = await RunAsync(tenant, "2028-04-30T00:00:00Z");
        Assert.Equal(4, run.InvoicesCreated);
        var invoices = await ListAsync(tenant);
        Assert.Equal(["2028-01-31", "2028-02-29", "2028-03-31", "2028-04-30"], invoices.Select(i => Day(i.IssueTime)));
        var first = invoices[0];
        Assert.Null(first.ClosesStartTime);
        Assert.Equal("29.00", first.Total);
        Assert.Equal(LineKind.BaseFee, first.Lines.Single().Kind);
        var february = invoices[1];
        Assert.Equal(("2028-01-31", "2028-02-29", "2028-03-31"), (Day(february.ClosesStartTime), Day(february.ClosesEndTime), Day(february.OpensEndTime)));
        Assert.All(invoices, AssertTotalIsSumOfLines);
    }

    [Fact]
    public async Task Periods_in_a_dst_zone_start_at_local_midnight_and_an_upgrade_is_prorated_to_the_second()
    {
        var tenant = await NewTenantAsync(fx, "America/New_York");
        await Subscriptions.SubscribeAsync(new SubscribeRequest
        {
            Name = tenant.Name + "/subscription", Plan = "plans/basic", SkipTrial = true, StartTime = At("2030-03-01T05:00:00Z"),
        });
        await RunAsync(tenant, "2030-03-01T05:00:00Z");
        // Mid-March, after clocks went forward on March 10: 15 days minus an hour into the period.
        var changed = await Subscriptions.ChangePlanAsync(new ChangePlanRequest
        {
            Name = tenant.Name + "/subscription", Plan = "plans/pro", Timing = ChangeTiming.Now, RequestTime = At("2030-03-16T04:00:00Z"),
        });
        Assert.Equal("plans/pro", changed.Plan);
        Assert.Equal("plans/pro", (await fx.Tenants.GetTenantAsync(new GetTenantRequest { Name = tenant.Name })).Plan);

        await RunAsync(tenant, "2030-04-01T04:00:00Z");
        var april = (await ListAsync(tenant))[^1];
        Assert.Equal(("2030-03-01T05:00:00Z", "2030-04-01T04:00:00Z"), (Iso(april.ClosesStartTime), Iso(april.ClosesEndTime)));
        const decimal seconds = (31 * 86400) - 3600;
        const decimal remaining = seconds - ((15 * 86400) - 3600);
        var credit = april.Lines.Single(l => l.Kind == LineKind.ProrationCredit);
        var charge = april.Lines.Single(l => l.Kind == LineKind.ProrationCharge);
        Assert.InRange(Dec(credit.Amount), -(29m * remaining / seconds) - 0.01m, -(29m * remaining / seconds) + 0.01m);
        Assert.InRange(Dec(charge.Amount), (99m * remaining / seconds) - 0.01m, (99m * remaining / seconds) + 0.01m);
        Assert.Equal("99.00", april.Lines.Single(l => l.Kind == LineKind.BaseFee).Amount);
        AssertTotalIsSumOfLines(april);
    }

    [Fact]
    public async Task A_change_at_period_end_takes_effect_at_the_boundary_with_no_proration()
    {
        var tenant = await NewTenantAsync(fx);
        var name = tenant.Name + "/subscription";
        await Subscriptions.SubscribeAsync(new SubscribeRequest { Name = name, Plan = "plans/basic", SkipTrial = true, StartTime = At("2030-01-01T00:00:00Z") });
        await RunAsync(tenant, "2030-01-01T00:00:00Z");
        var scheduled = await Subscriptions.ChangePlanAsync(new ChangePlanRequest
        {
            Name = name, Plan = "plans/pro", Timing = ChangeTiming.PeriodEnd, RequestTime = At("2030-01-20T12:00:00Z"),
        });
        Assert.Equal(("plans/basic", "plans/pro"), (scheduled.Plan, scheduled.ScheduledPlan));
        Assert.Equal("plans/basic", (await fx.Tenants.GetTenantAsync(new GetTenantRequest { Name = tenant.Name })).Plan);

        await RunAsync(tenant, "2030-02-01T00:00:00Z");
        var february = (await ListAsync(tenant))[^1];
        Assert.DoesNotContain(february.Lines, l => l.Kind is LineKind.ProrationCredit or LineKind.ProrationCharge);
        Assert.Equal("plans/pro", february.Lines.Single(l => l.Kind == LineKind.BaseFee).Plan);
        Assert.Equal("99.00", february.Lines.Single(l => l.Kind == LineKind.BaseFee).Amount);
        var after = await Subscriptions.GetSubscriptionAsync(new GetSubscriptionRequest { Name = name });
        Assert.Equal(("plans/pro", ""), (after.Plan, after.ScheduledPlan));
        Assert.Equal("plans/pro", (await fx.Tenants.GetTenantAsync(new GetTenantRequest { Name = tenant.Name })).Plan);
    }

    [Fact]
    public async Task An_upgrade_then_a_downgrade_in_one_period_prorate_both_and_end_on_the_lower_plan()
    {
        var tenant = await NewTenantAsync(fx);
        var name = tenant.Name + "/subscription";
        await Subscriptions.SubscribeAsync(new SubscribeRequest { Name = name, Plan = "plans/basic", SkipTrial = true, StartTime = At("2030-06-01T00:00:00Z") });
        await RunAsync(tenant, "2030-06-01T00:00:00Z");
        await Subscriptions.ChangePlanAsync(new ChangePlanRequest { Name = name, Plan = "plans/pro", Timing = ChangeTiming.Now, RequestTime = At("2030-06-11T00:00:00Z") });
        await Subscriptions.ChangePlanAsync(new ChangePlanRequest { Name = name, Plan = "plans/basic", Timing = ChangeTiming.Now, RequestTime = At("2030-06-21T00:00:00Z") });
        Assert.Equal("plans/basic", (await fx.Tenants.GetTenantAsync(new GetTenantRequest { Name = tenant.Name })).Plan);

        await RunAsync(tenant, "2030-07-01T00:00:00Z");
        var july = (await ListAsync(tenant))[^1];
        Assert.Equal(2, july.Lines.Count(l => l.Kind == LineKind.ProrationCredit));
        Assert.Equal(2, july.Lines.Count(l => l.Kind == LineKind.ProrationCharge));
        // Ten days of 30 on pro instead of basic: (99 − 29) / 3.
        var net = july.Lines.Where(l => l.Kind is LineKind.ProrationCredit or LineKind.ProrationCharge).Sum(l => Dec(l.Amount));
        Assert.InRange(net, 23.32m, 23.35m);
        Assert.Equal("plans/basic", july.Lines.Single(l => l.Kind == LineKind.BaseFee).Plan);
        AssertTotalIsSumOfLines(july);
    }

    [Fact]
    public async Task A_proration_credit_larger_than_the_invoice_is_carried_forward_and_spent_later()
    {
        var tenant = await NewTenantAsync(fx);
        var name = tenant.Name + "/subscription";
        await Subscriptions.SubscribeAsync(new SubscribeRequest { Name = name, Plan = "plans/enterprise", SkipTrial = true, StartTime = At("2030-09-01T00:00:00Z") });
        await RunAsync(tenant, "2030-09-01T00:00:00Z");
        await Subscriptions.ChangePlanAsync(new ChangePlanRequest { Name = name, Plan = "plans/free", Timing = ChangeTiming.Now, RequestTime = At("2030-09-04T00:00:00Z") });
        await RunAsync(tenant, "2030-10-01T00:00:00Z");
        var october = (await ListAsync(tenant))[^1];
        Assert.Equal("0.00", october.Total);
        var carried = october.Lines.Single(l => l.Kind == LineKind.CreditCarriedForward);
        Assert.Equal(Dec(carried.Amount), Dec(october.CreditBalanceAfter));
        Assert.Equal("269.10", october.CreditBalanceAfter); // 27 of 30 days of 299
        Assert.Equal("269.10", (await Subscriptions.GetSubscriptionAsync(new GetSubscriptionRequest { Name = name })).CreditBalance);

        await Subscriptions.ChangePlanAsync(new ChangePlanRequest { Name = name, Plan = "plans/basic", Timing = ChangeTiming.PeriodEnd, RequestTime = At("2030-10-05T00:00:00Z") });
        await RunAsync(tenant, "2030-11-01T00:00:00Z");
        var november = (await ListAsync(tenant))[^1];
        Assert.Equal(("-29.00", "0.00", "240.10"), (november.Lines.Single(l => l.Kind == LineKind.CreditApplied).Amount, november.Total, november.CreditBalanceAfter));
        AssertTotalIsSumOfLines(november);
    }

    [Fact]
    public async Task Cancelling_now_issues_the_final_invoice_and_returns_the_tenant_to_free()
    {
        var tenant = await NewTenantAsync(fx);
        var name = tenant.Name + "/subscription";
        await Subscriptions.SubscribeAsync(new SubscribeRequest { Name = name, Plan = "plans/pro", SkipTrial = true, StartTime = At("2030-05-01T00:00:00Z") });
        await RunAsync(tenant, "2030-05-01T00:00:00Z");
        var canceled = await Subscriptions.CancelSubscriptionAsync(new CancelSubscriptionRequest { Name = name, Timing = ChangeTiming.Now, RequestTime = At("2030-05-10T00:00:00Z") });
        Assert.Equal(SubscriptionState.Canceled, canceled.State);
        Assert.Equal("plans/free", (await fx.Tenants.GetTenantAsync(new GetTenantRequest { Name = tenant.Name })).Plan);
        var final = (await ListAsync(tenant))[^1];
        Assert.Null(final.OpensStartTime);
        Assert.Equal("2030-05-10T00:00:00Z", Iso(final.IssueTime));
        Assert.Equal(0, (await RunAsync(tenant, "2030-08-01T00:00:00Z")).InvoicesCreated);
        await Errors.AssertFailsAsync(async () => await Subscriptions.ChangePlanAsync(new ChangePlanRequest { Name = name, Plan = "plans/basic", Timing = ChangeTiming.Now }),
            StatusCode.FailedPrecondition, "INVALID_STATE");

        var again = await Subscriptions.SubscribeAsync(new SubscribeRequest { Name = name, Plan = "plans/basic", SkipTrial = true, StartTime = At("2030-06-01T00:00:00Z") });
        Assert.NotEqual(canceled.SubscriptionId, again.SubscriptionId);
    }

    [Fact]
    public async Task Cancelling_at_period_end_keeps_the_plan_until_the_boundary()
    {
        var tenant = await NewTenantAsync(fx);
        var name = tenant.Name + "/subscription";
        await Subscriptions.SubscribeAsync(new SubscribeRequest { Name = name, Plan = "plans/basic", SkipTrial = true, StartTime = At("2030-05-01T00:00:00Z") });
        await RunAsync(tenant, "2030-05-01T00:00:00Z");
        var pending = await Subscriptions.CancelSubscriptionAsync(new CancelSubscriptionRequest { Name = name, Timing = ChangeTiming.PeriodEnd, RequestTime = At("2030-05-10T00:00:00Z") });
        Assert.Equal("2030-06-01T00:00:00Z", Iso(pending.EndTime));
        Assert.Equal("plans/basic", (await fx.Tenants.GetTenantAsync(new GetTenantRequest { Name = tenant.Name })).Plan);
        await RunAsync(tenant, "2030-06-01T00:00:00Z");
        Assert.Equal(SubscriptionState.Canceled, (await Subscriptions.GetSubscriptionAsync(new GetSubscriptionRequest { Name = name })).State);
        Assert.Equal("plans/free", (await fx.Tenants.GetTenantAsync(new GetTenantRequest { Name = tenant.Name })).Plan);
        var final = (await ListAsync(tenant))[^1];
        Assert.Equal(("2030-06-01T00:00:00Z", null), (Iso(final.IssueTime), final.OpensStartTime));
    }

    [Fact]
    public async Task Bad_requests_are_refused_by_field_and_tenants_cannot_manage_their_subscription()
    {
        var tenant = await NewTenantAsync(fx);
        var (_, _, bad) = await Errors.AssertFailsAsync(async () => await Subscriptions.SubscribeAsync(new SubscribeRequest { Name = tenant.Name + "/subscription", Plan = "basic" }),
            StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["plan"], bad.Fields());
        await Errors.AssertFailsAsync(async () => await Subscriptions.GetSubscriptionAsync(new GetSubscriptionRequest { Name = tenant.Name + "/subscription" }),
            StatusCode.NotFound, "RESOURCE_NOT_FOUND");
        var (secret, _) = await fx.CreateKeyAsync(tenant.Name, "billing");
        var e = await Assert.ThrowsAsync<RpcException>(async () => await new SubscriptionService.SubscriptionServiceClient(fx.As(secret))
            .SubscribeAsync(new SubscribeRequest { Name = tenant.Name + "/subscription", Plan = "plans/basic" }));
        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
    }

    private async Task<RunInvoicesResponse> RunAsync(Tenant tenant, string asOf) =>
        await Invoices.RunInvoicesAsync(new RunInvoicesRequest { AsOf = At(asOf), Tenant = tenant.Name });

    private async Task<IReadOnlyList<Invoice>> ListAsync(Tenant tenant) =>
        [.. (await Invoices.ListInvoicesAsync(new ListInvoicesRequest { Parent = tenant.Name, PageSize = 100 })).Invoices.Reverse()];

    internal static void AssertTotalIsSumOfLines(Invoice invoice) => Assert.Equal(Dec(invoice.Total), invoice.Lines.Sum(l => Dec(l.Amount)));

    internal static decimal Dec(string s) => decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture);

    internal static string Day(Google.Protobuf.WellKnownTypes.Timestamp? t) => t!.ToDateTimeOffset().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string? Iso(Google.Protobuf.WellKnownTypes.Timestamp? t) => t?.ToDateTimeOffset().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
