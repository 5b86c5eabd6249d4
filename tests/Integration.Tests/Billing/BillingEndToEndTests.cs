using System.Globalization;
using Grpc.Core;
using Platform.Access.V1;
using Platform.Billing.V1;
using Platform.Integration.Tests.Infrastructure;
using Platform.Quota.V1;
using Platform.Tenancy.V1;

namespace Platform.Integration.Tests.Billing;

public sealed class SqliteBillingEndToEndTests(SqliteHostFixture fx) : BillingEndToEndContractTests<SqliteHostFixture>(fx);

public sealed class PostgresBillingEndToEndTests(PostgresHostFixture fx) : BillingEndToEndContractTests<PostgresHostFixture>(fx);

/// <summary>
/// Catalog, metering, invoices and wallets together, through the public RPCs only: real API calls
/// metered by the platform, custom events through RecordUsageEvents, the invoice run at the period
/// boundary, wallet credit spent on finalization, and the finalized period closed to late events.
/// </summary>
public abstract class BillingEndToEndContractTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private const int Calls = 12;

    [Fact]
    public async Task Metered_calls_and_custom_events_are_invoiced_at_the_subscription_prices_and_the_wallet_pays_part()
    {
        await using var host = await fx.CreateIsolatedHostAsync(new Dictionary<string, string?> { ["Platform:Billing:Metering:FlushMilliseconds"] = "100" });
        using var channel = HostFixture.ChannelFor(host);
        await HostFixture.WaitUntilServingAsync(channel);
        var op = HostFixture.WithCredential(channel, fx.OperatorKey);
        var catalog = new CatalogService.CatalogServiceClient(op);
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (tokens, seats) = ("tokens_" + suffix, "seats_" + suffix);
        await catalog.CreateBillableMetricAsync(new CreateBillableMetricRequest { BillableMetricId = tokens, BillableMetric = new BillableMetric { Aggregation = UsageAggregation.Sum } });
        await catalog.CreateBillableMetricAsync(new CreateBillableMetricRequest { BillableMetricId = seats, BillableMetric = new BillableMetric { Aggregation = UsageAggregation.Max } });
        var planId = TenantSetup.NewId("e2e");
        var plan = (await new PlanService.PlanServiceClient(op).CreatePlanAsync(new CreatePlanRequest { PlanId = planId, Plan = new Plan { DisplayName = planId } })).Name;
        await catalog.CreatePlanPriceAsync(new CreatePlanPriceRequest
        {
            Parent = plan,
            Price = BillingScenario.Price("USD", "10.00",
                new MetricPrice { Metric = "api_calls", Included = "5", PerUnit = new PerUnit { UnitPrice = "0.01" } },
                new MetricPrice { Metric = tokens, Graduated = new Tiers { Tiers_ = { new Tier { UpTo = "100", UnitPrice = "0" }, new Tier { UnitPrice = "0.02" } } } },
                new MetricPrice { Metric = seats, PerUnit = new PerUnit { UnitPrice = "1.5" } }),
        });

        var tenant = await new TenantService.TenantServiceClient(op).CreateTenantAsync(new CreateTenantRequest
        {
            TenantId = TenantSetup.NewId("e2e"), Tenant = new Tenant { DisplayName = "End to end", TimeZone = "UTC", BillingAnchorDay = 1 },
        });
        var key = await new AccessService.AccessServiceClient(op).CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Parent = tenant.Name, ApiKey = new ApiKey { DisplayName = "k", Roles = { "admin" } },
        });
        var subscription = await new SubscriptionService.SubscriptionServiceClient(op).SubscribeAsync(new SubscribeRequest
        {
            Name = tenant.Name + "/subscription", Plan = plan, SkipTrial = true,
        });
        var boundary = subscription.CurrentPeriodEndTime;

        // N real calls as the tenant, metered by the platform itself; the operator's calls are not metered.
        var asTenant = new TenantService.TenantServiceClient(HostFixture.WithCredential(channel, key.Secret));
        for (var i = 0; i < Calls; i++)
        {
            await asTenant.GetTenantAsync(new GetTenantRequest { Name = tenant.Name });
        }

        var usageClient = new UsageService.UsageServiceClient(op);
        var usageName = tenant.Name + "/usage";
        await UsageWorld.EventuallyAsync(async () => Quantity(await usageClient.GetUsageAsync(new GetUsageRequest { Name = usageName }), "api_calls") == Calls,
            "the metered calls to be flushed");

        var now = DateTimeOffset.UtcNow;
        UsageEvent[] batch =
        [
            UsageWorld.Event("t1", "60", tokens, now), UsageWorld.Event("t2", "90", tokens, now), UsageWorld.Event("t1", "60", tokens, now),
            UsageWorld.Event("t3", "50.5", tokens, now),
            UsageWorld.Event("s1", "3", seats, now), UsageWorld.Event("s2", "7", seats, now), UsageWorld.Event("s3", "5", seats, now),
        ];
        var first = await usageClient.RecordUsageEventsAsync(new RecordUsageEventsRequest { Parent = tenant.Name, Events = { batch } });
        var again = await usageClient.RecordUsageEventsAsync(new RecordUsageEventsRequest { Parent = tenant.Name, Events = { batch } });
        Assert.Equal((6, 1), (first.AcceptedCount, first.DuplicateCount));
        Assert.Equal((0, 7), (again.AcceptedCount, again.DuplicateCount));

        // GetUsage prices with the subscription's version: 5 calls included (the seeded plans include thousands), 0.01 per call above.
        var usage = await usageClient.GetUsageAsync(new GetUsageRequest { Name = usageName });
        var calls = usage.Metrics.Single(m => m.Metric == "api_calls");
        Assert.Equal(5m, Dec(calls.Included));
        Assert.Equal((Dec(calls.ProjectedQuantity) - 5m) * 0.01m, Dec(calls.ProjectedCharge));
        var peak = usage.Metrics.Single(m => m.Metric == seats);
        Assert.Equal((7m, 7m, 10.5m), (Dec(peak.Quantity), Dec(peak.ProjectedQuantity), Dec(peak.ProjectedCharge)));
        Assert.Equal(200.5m, Dec(usage.Metrics.Single(m => m.Metric == tokens).Quantity));

        var wallets = new WalletService.WalletServiceClient(op);
        var walletName = tenant.Name + "/wallet";
        await wallets.TopUpWalletAsync(new TopUpWalletRequest { Name = walletName, Amount = "5.00" });

        var invoicesClient = new InvoiceService.InvoiceServiceClient(op);
        await invoicesClient.RunInvoicesAsync(new RunInvoicesRequest { AsOf = boundary, Tenant = tenant.Name });
        var draft = (await invoicesClient.ListInvoicesAsync(new ListInvoicesRequest { Parent = tenant.Name })).Invoices[0];
        Assert.Equal(boundary, draft.IssueTime);

        // 12 calls above the 5 included, prorated to the part of the period subscribed, at 0.01; rounded once.
        var (quantity, included, amount) = Line(draft, "api_calls");
        Assert.Equal(12m, Dec(quantity));
        Assert.InRange(Dec(included), 0m, 5m);
        var callsAmount = Math.Round((12m - Dec(included)) * 0.01m, 2, MidpointRounding.AwayFromZero);
        Assert.Equal(callsAmount, Dec(amount));

        // 200.5 tokens, 100 free: 100.5 × 0.02. Peak of 7 seats × 1.50.
        Assert.Equal(("200.5", "0", "2.01"), Line(draft, tokens));
        Assert.Equal(("7", "0", "10.50"), Line(draft, seats));
        Assert.Equal("10.00", draft.Lines.Single(l => l.Kind == LineKind.BaseFee).Amount);
        var total = 10.00m + callsAmount + 2.01m + 10.50m;
        Assert.Equal(total, Dec(draft.Total));
        Assert.DoesNotContain(draft.Lines, l => l.Kind == LineKind.CreditApplied);
        var regenerated = await invoicesClient.RegenerateInvoiceAsync(new RegenerateInvoiceRequest { Name = draft.Name });
        Assert.Equal((draft.Lines, draft.Total), (regenerated.Lines, regenerated.Total));

        var final = await invoicesClient.FinalizeInvoiceAsync(new FinalizeInvoiceRequest { Name = draft.Name });
        var credit = final.Lines.Single(l => l.Kind == LineKind.CreditApplied);
        Assert.Equal(("-5.00", total - 5.00m), (credit.Amount, Dec(final.Total)));
        Assert.Equal(final.Total, final.Lines.Select(l => Dec(l.Amount)).Sum().ToString("0.00", CultureInfo.InvariantCulture));
        await Errors.AssertFailsAsync(async () => await invoicesClient.FinalizeInvoiceAsync(new FinalizeInvoiceRequest { Name = draft.Name }),
            StatusCode.FailedPrecondition, "INVALID_STATE");

        var ledger = (await wallets.ListWalletTransactionsAsync(new ListWalletTransactionsRequest
        {
            Parent = walletName, PageSize = 100, Kind = WalletTransaction.Types.Kind.Consumption,
        })).Transactions;
        Assert.Equal(-5.00m, ledger.Sum(t => Dec(t.Amount)));
        Assert.Equal(0m, Dec((await wallets.GetWalletAsync(new GetWalletRequest { Name = walletName })).Balance));
        Assert.Equal(final, await invoicesClient.GetInvoiceAsync(new GetInvoiceRequest { Name = draft.Name }));

        // The finalized invoice closed this period: an event in it can no longer be billed and is refused.
        var (_, info, badRequest) = await Errors.AssertFailsAsync(() => usageClient.RecordUsageEventsAsync(new RecordUsageEventsRequest
        {
            Parent = tenant.Name, Events = { UsageWorld.Event("late", "1", tokens, DateTimeOffset.UtcNow) },
        }).ResponseAsync, StatusCode.FailedPrecondition, "INVALID_STATE");
        Assert.Equal(["events[0].event_time"], badRequest.Fields());
        Assert.Equal("PERIOD_INVOICED", info.Metadata["state"]);
    }

    [Fact]
    public async Task Prepaid_calls_are_charged_at_the_subscription_price_per_call()
    {
        var plan = await BillingScenario.NewPricedPlanAsync(fx, "USD", "0",
            new MetricPrice { Metric = "api_calls", Included = "1000", PerUnit = new PerUnit { UnitPrice = "0.01" } });
        var tenant = await fx.CreateTenantAsync(TenantSetup.NewId("e2p"));
        var (secret, _) = await fx.CreateKeyAsync(tenant.Name, "admin");
        var subscription = await new SubscriptionService.SubscriptionServiceClient(fx.Operator).SubscribeAsync(new SubscribeRequest
        {
            Name = tenant.Name + "/subscription", Plan = plan, SkipTrial = true,
        });
        var wallets = new WalletService.WalletServiceClient(fx.Operator);
        var walletName = tenant.Name + "/wallet";
        await wallets.UpdateWalletAsync(new UpdateWalletRequest { Wallet = new Wallet { Name = walletName, BillingMode = Wallet.Types.BillingMode.Prepaid } });
        await wallets.TopUpWalletAsync(new TopUpWalletRequest { Name = walletName, Amount = "1.00" });

        var asTenant = new TenantService.TenantServiceClient(fx.As(secret));
        for (var i = 0; i < 10; i++)
        {
            await asTenant.GetTenantAsync(new GetTenantRequest { Name = tenant.Name });
        }

        // The version's 0.01 per call, not the seeded 0.001 (the included calls are an invoice matter: the wallet pays per call).
        await UsageWorld.EventuallyAsync(async () => (await wallets.GetWalletAsync(new GetWalletRequest { Name = walletName })).Balance == "0.90",
            "ten prepaid calls at 0.01 to be charged");

        // Paid as they were made, so the invoice does not bill the calls again.
        var usage = new UsageService.UsageServiceClient(fx.Operator);
        await UsageWorld.EventuallyAsync(async () => Quantity(await usage.GetUsageAsync(new GetUsageRequest { Name = tenant.Name + "/usage" }), "api_calls") >= 10m,
            "the calls to be metered");
        var invoices = new InvoiceService.InvoiceServiceClient(fx.Operator);
        await invoices.RunInvoicesAsync(new RunInvoicesRequest { AsOf = subscription.CurrentPeriodEndTime, Tenant = tenant.Name });
        var invoice = Assert.Single((await invoices.ListInvoicesAsync(new ListInvoicesRequest { Parent = tenant.Name })).Invoices,
            i => i.IssueTime == subscription.CurrentPeriodEndTime);
        Assert.All(invoice.Lines.Where(l => l.Kind == LineKind.Usage && l.Metric == "api_calls"), l => Assert.Equal("0.00", l.Amount));
        Assert.Equal(0m, invoice.Lines.Sum(l => Dec(l.Amount)));
    }

    private static (string Quantity, string Included, string Amount) Line(Invoice invoice, string metric) =>
        invoice.Lines.Single(l => l.Kind == LineKind.Usage && l.Metric == metric) is var l ? (l.Quantity, l.Included, l.Amount) : default;

    private static decimal Quantity(Platform.Billing.V1.Usage usage, string metric) =>
        usage.Metrics.FirstOrDefault(m => m.Metric == metric) is { } m ? Dec(m.Quantity) : 0m;

    private static decimal Dec(string text) => string.IsNullOrEmpty(text) ? 0m : decimal.Parse(text, CultureInfo.InvariantCulture);
}
