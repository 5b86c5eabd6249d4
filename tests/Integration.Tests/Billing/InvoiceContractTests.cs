using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Platform.Billing.V1;
using Platform.Integration.Tests.Infrastructure;
using Platform.Tenancy.V1;
using static Platform.Integration.Tests.Billing.BillingScenario;
using static Platform.Integration.Tests.Billing.SubscriptionContractTests<Platform.Integration.Tests.Infrastructure.SqliteHostFixture>;

namespace Platform.Integration.Tests.Billing;

public sealed class SqliteInvoiceTests(SqliteHostFixture fx) : InvoiceContractTests<SqliteHostFixture>(fx);

public sealed class PostgresInvoiceTests(PostgresHostFixture fx) : InvoiceContractTests<PostgresHostFixture>(fx);

/// <summary>Invoices through the RPCs: lifecycle, payments, regeneration, one per period, usage lines and currencies' exponents.</summary>
public abstract class InvoiceContractTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private SubscriptionService.SubscriptionServiceClient Subscriptions => new(fx.Operator);

    private InvoiceService.InvoiceServiceClient Invoices => new(fx.Operator);

    [Fact]
    public async Task An_invoice_goes_from_draft_to_finalized_to_paid_with_a_deterministic_payment_key()
    {
        var (tenant, invoices) = await SubscribedAsync("plans/basic", "2030-01-01T00:00:00Z", "2030-03-01T00:00:00Z");
        var draft = invoices[0];
        Assert.Equal(InvoiceState.Draft, draft.State);
        await Errors.AssertFailsAsync(async () => await Invoices.MarkInvoicePaidAsync(new MarkInvoicePaidRequest { Name = draft.Name }),
            StatusCode.FailedPrecondition, "INVALID_STATE");

        var final = await Invoices.FinalizeInvoiceAsync(new FinalizeInvoiceRequest { Name = draft.Name });
        Assert.Equal(InvoiceState.Finalized, final.State);
        Assert.Equal(draft.Lines, final.Lines);
        await Errors.AssertFailsAsync(async () => await Invoices.RegenerateInvoiceAsync(new RegenerateInvoiceRequest { Name = draft.Name }),
            StatusCode.FailedPrecondition, "INVALID_STATE");
        await Errors.AssertFailsAsync(async () => await Invoices.FinalizeInvoiceAsync(new FinalizeInvoiceRequest { Name = draft.Name }),
            StatusCode.FailedPrecondition, "INVALID_STATE");

        var paid = await Invoices.MarkInvoicePaidAsync(new MarkInvoicePaidRequest { Name = draft.Name, Reference = "wire 42" });
        Assert.Equal(InvoiceState.Paid, paid.State);
        var attempt = paid.Payments.Single();
        var expectedKey = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(draft.Name + "#1")))[..32];
        Assert.Equal((1, expectedKey, "offline", true, "wire 42"), (attempt.Attempt, attempt.IdempotencyKey, attempt.Provider, attempt.Succeeded, attempt.Reference));
        await Errors.AssertFailsAsync(async () => await Invoices.VoidInvoiceAsync(new VoidInvoiceRequest { Name = draft.Name }),
            StatusCode.FailedPrecondition, "INVALID_STATE");

        var voided = await Invoices.VoidInvoiceAsync(new VoidInvoiceRequest { Name = invoices[1].Name });
        Assert.Equal(InvoiceState.Void, voided.State);
        Assert.Equal(voided, await Invoices.GetInvoiceAsync(new GetInvoiceRequest { Name = voided.Name }));
        Assert.NotNull(tenant);
    }

    [Fact]
    public async Task A_draft_regenerates_identically_and_each_period_is_invoiced_once()
    {
        var (tenant, invoices) = await SubscribedAsync("plans/basic", "2030-01-01T00:00:00Z", "2030-02-01T00:00:00Z");
        var february = invoices[^1];
        var regenerated = await Invoices.RegenerateInvoiceAsync(new RegenerateInvoiceRequest { Name = february.Name });
        Assert.Equal(february.Lines, regenerated.Lines);
        Assert.Equal((february.Total, february.CreditBalanceAfter), (regenerated.Total, regenerated.CreditBalanceAfter));

        Assert.Equal(0, (await Invoices.RunInvoicesAsync(new RunInvoicesRequest { AsOf = At("2030-02-01T00:00:00Z"), Tenant = tenant.Name })).InvoicesCreated);
        Assert.Equal(invoices.Count, (await Invoices.ListInvoicesAsync(new ListInvoicesRequest { Parent = tenant.Name, PageSize = 100 })).Invoices.Count);

        // Late usage (written straight into the usage store as test set-up) changes the draft when it is regenerated.
        var calls = decimal.Parse(february.Lines.Single(l => l.Metric == "api_calls").Included, CultureInfo.InvariantCulture) + 2500m;
        await UsageRows.InsertAsync(fx, tenant.TenantId, "api_calls", calls.ToString(CultureInfo.InvariantCulture), DateTimeOffset.Parse("2030-01-15T00:00:00Z", CultureInfo.InvariantCulture));
        var withUsage = await Invoices.RegenerateInvoiceAsync(new RegenerateInvoiceRequest { Name = february.Name });
        var usage = withUsage.Lines.Single(l => l.Metric == "api_calls");
        Assert.Equal(("2.50", "2500"), (usage.Amount, usage.Steps.Single().Units));
        AssertTotalIsSumOfLines(withUsage);
    }

    [Fact]
    public async Task Zero_and_three_decimal_currencies_round_each_line_once_to_their_exponent()
    {
        var yen = await NewPricedPlanAsync(fx, "JPY", "2900", new MetricPrice { Metric = "api_calls", PerUnit = new PerUnit { UnitPrice = "0.5" } });
        var (jpTenant, jp) = await SubscribedAsync(yen, "2030-01-01T00:00:00Z", "2030-01-01T00:00:00Z");
        await UsageRows.InsertAsync(fx, jpTenant.TenantId, "api_calls", "3", DateTimeOffset.Parse("2030-01-10T00:00:00Z", CultureInfo.InvariantCulture));
        await Invoices.RunInvoicesAsync(new RunInvoicesRequest { AsOf = At("2030-02-01T00:00:00Z"), Tenant = jpTenant.Name });
        var jpFebruary = (await Invoices.ListInvoicesAsync(new ListInvoicesRequest { Parent = jpTenant.Name })).Invoices[0];
        Assert.Equal(("JPY", "2900", "2"), (jpFebruary.Currency, jpFebruary.Lines.Single(l => l.Kind == LineKind.BaseFee).Amount,
            jpFebruary.Lines.Single(l => l.Kind == LineKind.Usage).Amount));
        Assert.Equal("2902", jpFebruary.Total);
        Assert.Equal("2900", jp[0].Total);

        var tokens = "tokens_" + Guid.NewGuid().ToString("N")[..8];
        await new CatalogService.CatalogServiceClient(fx.Operator).CreateBillableMetricAsync(new CreateBillableMetricRequest
        {
            BillableMetricId = tokens,
            BillableMetric = new BillableMetric { Aggregation = UsageAggregation.Sum },
        });
        var dinar = await NewPricedPlanAsync(fx, "KWD", "12.345", new MetricPrice
        {
            Metric = tokens,
            Graduated = new Tiers { Tiers_ = { new Tier { UpTo = "1000", UnitPrice = "0" }, new Tier { UnitPrice = "0.0015" } } },
        });
        var (kwTenant, _) = await SubscribedAsync(dinar, "2030-01-01T00:00:00Z", "2030-01-01T00:00:00Z");
        await UsageRows.InsertAsync(fx, kwTenant.TenantId, tokens, "1700", DateTimeOffset.Parse("2030-01-10T00:00:00Z", CultureInfo.InvariantCulture));
        await UsageRows.InsertAsync(fx, kwTenant.TenantId, tokens, "301", DateTimeOffset.Parse("2030-01-20T00:00:00Z", CultureInfo.InvariantCulture));
        await Invoices.RunInvoicesAsync(new RunInvoicesRequest { AsOf = At("2030-02-01T00:00:00Z"), Tenant = kwTenant.Name });
        var kwFebruary = (await Invoices.ListInvoicesAsync(new ListInvoicesRequest { Parent = kwTenant.Name })).Invoices[0];
        var line = kwFebruary.Lines.Single(l => l.Kind == LineKind.Usage);
        // 1,001 tokens above the free tier at 0.0015 = 1.5015, rounded half away from zero to 1.502.
        Assert.Equal(("2001", "1.502"), (line.Quantity, line.Amount));
        Assert.Equal([("0", "1000", "0"), ("1000", "", "1.5015")], line.Steps.Select(s => (s.From, s.UpTo, s.Amount)));
        Assert.Equal(("12.345", "13.847"), (kwFebruary.Lines.Single(l => l.Kind == LineKind.BaseFee).Amount, kwFebruary.Total));
    }

    [Fact]
    public async Task Tenants_read_their_invoices_over_grpc_and_rest_but_cannot_change_them()
    {
        var (tenant, invoices) = await SubscribedAsync("plans/pro", "2030-01-01T00:00:00Z", "2030-04-01T00:00:00Z");
        var (secret, _) = await fx.CreateKeyAsync(tenant.Name, "billing");
        var asTenant = new InvoiceService.InvoiceServiceClient(fx.As(secret));
        var page1 = await asTenant.ListInvoicesAsync(new ListInvoicesRequest { Parent = tenant.Name, PageSize = 2 });
        var page2 = await asTenant.ListInvoicesAsync(new ListInvoicesRequest { Parent = tenant.Name, PageSize = 2, PageToken = page1.NextPageToken });
        Assert.Equal(invoices.Select(i => i.Name).Reverse(), page1.Invoices.Concat(page2.Invoices).Select(i => i.Name));
        var e = await Assert.ThrowsAsync<RpcException>(async () => await asTenant.FinalizeInvoiceAsync(new FinalizeInvoiceRequest { Name = invoices[0].Name }));
        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);

        using var rest = fx.RestAs(secret);
        using var response = await rest.GetAsync($"/v1/{invoices[0].Name}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var subscription = await rest.GetAsync($"/v1/{tenant.Name}/subscription");
        Assert.Equal(HttpStatusCode.OK, subscription.StatusCode);
    }

    [Fact]
    public async Task Concurrent_runs_issue_each_period_once()
    {
        var tenant = await NewTenantAsync(fx);
        await Subscriptions.SubscribeAsync(new SubscribeRequest
        {
            Name = tenant.Name + "/subscription", Plan = "plans/basic", SkipTrial = true, StartTime = At("2030-01-01T00:00:00Z"),
        });
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Invoices.RunInvoicesAsync(new RunInvoicesRequest { AsOf = At("2030-07-01T00:00:00Z"), Tenant = tenant.Name }).ResponseAsync));
        var invoices = (await Invoices.ListInvoicesAsync(new ListInvoicesRequest { Parent = tenant.Name, PageSize = 100 })).Invoices;
        Assert.Equal(7, invoices.Count);
        Assert.Equal(7, invoices.Select(i => i.IssueTime).Distinct().Count());
        Assert.Equal(7, runs.Sum(r => r.InvoicesCreated));
    }

    [Fact]
    public async Task A_one_year_commitment_bills_the_base_fee_30_percent_off()
    {
        var tenant = await NewTenantAsync(fx);
        var sub = await Subscriptions.SubscribeAsync(new SubscribeRequest
        {
            Name = tenant.Name + "/subscription", Plan = "plans/basic", SkipTrial = true, StartTime = At("2030-01-01T00:00:00Z"),
            CommitmentTerm = CommitmentTerm.OneYear,
        });
        Assert.Equal("2031-01-01", Day(sub.CommitmentEndTime));
        await Invoices.RunInvoicesAsync(new RunInvoicesRequest { AsOf = At("2030-01-01T00:00:00Z"), Tenant = tenant.Name });
        var first = (await Invoices.ListInvoicesAsync(new ListInvoicesRequest { Parent = tenant.Name })).Invoices.Single();
        Assert.Equal("20.30", first.Total);
    }

    private async Task<(Tenant Tenant, IReadOnlyList<Invoice> Invoices)> SubscribedAsync(string plan, string start, string runTo)
    {
        var tenant = await NewTenantAsync(fx);
        await Subscriptions.SubscribeAsync(new SubscribeRequest { Name = tenant.Name + "/subscription", Plan = plan, SkipTrial = true, StartTime = At(start) });
        await Invoices.RunInvoicesAsync(new RunInvoicesRequest { AsOf = At(runTo), Tenant = tenant.Name });
        var list = await Invoices.ListInvoicesAsync(new ListInvoicesRequest { Parent = tenant.Name, PageSize = 100 });
        return (tenant, [.. list.Invoices.Reverse()]);
    }
}
