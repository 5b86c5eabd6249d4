using System.Net;
using System.Text.Json;
using Grpc.Core;
using Platform.Billing.V1;
using Platform.Integration.Tests.Infrastructure;

namespace Platform.Integration.Tests.Billing;

public sealed class SqliteCatalogTests(SqliteHostFixture fx) : CatalogContractTests<SqliteHostFixture>(fx);

public sealed class PostgresCatalogTests(PostgresHostFixture fx) : CatalogContractTests<PostgresHostFixture>(fx);

/// <summary>The price catalog: seeded versions, new versions, validation by field, billable metrics and who may write.</summary>
public abstract class CatalogContractTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private CatalogService.CatalogServiceClient Catalog => new(fx.Operator);

    [Fact]
    public async Task An_empty_catalog_is_seeded_with_version_1_of_each_plan_and_the_built_in_metrics()
    {
        var basic = await Catalog.GetCurrentPlanPriceAsync(new GetCurrentPlanPriceRequest { Parent = "plans/basic" });
        Assert.Equal("plans/basic/prices/1", basic.Name);
        Assert.Equal(("USD", "29.00", BillingInterval.Month), (basic.Currency, basic.BaseFee, basic.Interval));
        var calls = basic.Metrics.Single(m => m.Metric == "api_calls");
        Assert.Equal("0.001", calls.PerUnit.UnitPrice);
        Assert.Equal("0.1", basic.Metrics.Single(m => m.Metric == "storage_gb_months").PerUnit.UnitPrice);
        foreach (var (plan, fee) in new[] { ("free", "0.00"), ("pro", "99.00"), ("enterprise", "299.00") })
        {
            Assert.Equal(fee, (await Catalog.GetPlanPriceAsync(new GetPlanPriceRequest { Name = $"plans/{plan}/prices/1" })).BaseFee);
        }

        var metrics = await Catalog.ListBillableMetricsAsync(new ListBillableMetricsRequest { PageSize = 1000 });
        var builtIn = metrics.BillableMetrics.Where(m => m.BuiltIn).Select(m => m.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "billableMetrics/api_calls", "billableMetrics/storage_gb_months", "billableMetrics/entities", "billableMetrics/seats" }, builtIn);
    }

    [Fact]
    public async Task A_price_change_is_a_new_version_and_the_old_one_stays()
    {
        var plan = await BillingScenario.NewPlanAsync(fx);
        var first = await Catalog.CreatePlanPriceAsync(new CreatePlanPriceRequest { Parent = plan, Price = BillingScenario.Price("USD", "10") });
        var request = new CreatePlanPriceRequest
        {
            Parent = plan,
            RequestId = Guid.NewGuid().ToString(),
            Price = BillingScenario.Price("USD", "12.50", new MetricPrice
            {
                Metric = "api_calls",
                Included = "1000",
                Graduated = new Tiers { Tiers_ = { new Tier { UpTo = "10000", UnitPrice = "0.002" }, new Tier { UnitPrice = "0.001", FlatFee = "1" } } },
            }, new MetricPrice { Metric = "seats", Package = new Package { Size = "1000", PackagePrice = "5", FreeBurst = "0.2" } }),
        };
        var second = await Catalog.CreatePlanPriceAsync(request);
        Assert.Equal(second, await Catalog.CreatePlanPriceAsync(request));
        Assert.Equal(($"{plan}/prices/1", $"{plan}/prices/2"), (first.Name, second.Name));
        Assert.Equal("12.50", second.BaseFee);
        Assert.Equal(["10000", ""], second.Metrics[0].Graduated.Tiers_.Select(t => t.UpTo));
        Assert.Equal("0.2", second.Metrics[1].Package.FreeBurst);

        Assert.Equal(second, await Catalog.GetCurrentPlanPriceAsync(new GetCurrentPlanPriceRequest { Parent = plan }));
        Assert.Equal(first, await Catalog.GetPlanPriceAsync(new GetPlanPriceRequest { Name = first.Name }));
        var page1 = await Catalog.ListPlanPricesAsync(new ListPlanPricesRequest { Parent = plan, PageSize = 1 });
        var page2 = await Catalog.ListPlanPricesAsync(new ListPlanPricesRequest { Parent = plan, PageSize = 1, PageToken = page1.NextPageToken });
        Assert.Equal([first.Name, second.Name], page1.Prices.Concat(page2.Prices).Select(p => p.Name));
        Assert.Equal("", page2.NextPageToken);
    }

    [Fact]
    public async Task Invalid_prices_are_refused_with_one_violation_per_field()
    {
        var plan = await BillingScenario.NewPlanAsync(fx);
        var (_, _, bad) = await Errors.AssertFailsAsync(async () => await Catalog.CreatePlanPriceAsync(new CreatePlanPriceRequest
        {
            Parent = plan,
            Price = new PlanPrice
            {
                Currency = "XYZ",
                Interval = BillingInterval.Month,
                BaseFee = "1e3",
                TrialDays = -1,
                Metrics = { new MetricPrice { Metric = "api_calls", PerUnit = new PerUnit { UnitPrice = "0,5" } }, new MetricPrice { Metric = "seats" } },
            },
        }), StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Superset(new HashSet<string> { "price.currency", "price.base_fee", "price.trial_days",
            "price.metrics[0].per_unit.unit_price", "price.metrics[1].model" }, bad.Fields().ToHashSet());

        var (_, _, unknown) = await Errors.AssertFailsAsync(async () => await Catalog.CreatePlanPriceAsync(new CreatePlanPriceRequest
        {
            Parent = plan,
            Price = BillingScenario.Price("USD", "1", new MetricPrice { Metric = "no_such_metric", PerUnit = new PerUnit { UnitPrice = "1" } }),
        }), StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["price.metrics[0].metric"], unknown.Fields());
        await Errors.AssertFailsAsync(async () => await Catalog.CreatePlanPriceAsync(new CreatePlanPriceRequest
        {
            Parent = "plans/does-not-exist",
            Price = BillingScenario.Price("USD", "1"),
        }), StatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task Custom_metrics_are_created_listed_and_deleted_only_while_unpriced()
    {
        var id = "tokens_" + Guid.NewGuid().ToString("N")[..8];
        var created = await Catalog.CreateBillableMetricAsync(new CreateBillableMetricRequest
        {
            BillableMetricId = id,
            BillableMetric = new BillableMetric { DisplayName = "LLM tokens", Aggregation = UsageAggregation.Sum },
        });
        Assert.Equal(($"billableMetrics/{id}", false), (created.Name, created.BuiltIn));
        Assert.Equal(created, await Catalog.GetBillableMetricAsync(new GetBillableMetricRequest { Name = created.Name }));
        await Errors.AssertFailsAsync(async () => await Catalog.CreateBillableMetricAsync(new CreateBillableMetricRequest
        {
            BillableMetricId = id,
            BillableMetric = new BillableMetric { Aggregation = UsageAggregation.Max },
        }), StatusCode.AlreadyExists, "RESOURCE_ALREADY_EXISTS");
        var (_, _, bad) = await Errors.AssertFailsAsync(async () => await Catalog.CreateBillableMetricAsync(new CreateBillableMetricRequest
        {
            BillableMetricId = "Bad-Id",
            BillableMetric = new BillableMetric { Aggregation = UsageAggregation.UniqueCount },
        }), StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["billable_metric_id", "billable_metric.unique_property"], bad.Fields());

        var users = await Catalog.CreateBillableMetricAsync(new CreateBillableMetricRequest
        {
            BillableMetricId = "users_" + Guid.NewGuid().ToString("N")[..8],
            BillableMetric = new BillableMetric { Aggregation = UsageAggregation.UniqueCount, UniqueProperty = "user_id" },
        });
        await Catalog.CreatePlanPriceAsync(new CreatePlanPriceRequest
        {
            Parent = await BillingScenario.NewPlanAsync(fx),
            Price = BillingScenario.Price("USD", "1", new MetricPrice { Metric = users.Name["billableMetrics/".Length..], PerUnit = new PerUnit { UnitPrice = "0.5" } }),
        });
        await Errors.AssertFailsAsync(async () => await Catalog.DeleteBillableMetricAsync(new DeleteBillableMetricRequest { Name = users.Name }),
            StatusCode.FailedPrecondition, "INVALID_STATE");
        await Errors.AssertFailsAsync(async () => await Catalog.DeleteBillableMetricAsync(new DeleteBillableMetricRequest { Name = "billableMetrics/api_calls" }),
            StatusCode.FailedPrecondition, "INVALID_STATE");
        await Catalog.DeleteBillableMetricAsync(new DeleteBillableMetricRequest { Name = created.Name });
        await Errors.AssertFailsAsync(async () => await Catalog.GetBillableMetricAsync(new GetBillableMetricRequest { Name = created.Name }),
            StatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task Tenants_read_the_catalog_but_only_operators_write_it_over_grpc_and_rest()
    {
        var tenant = await fx.CreateTenantAsync();
        var (secret, _) = await fx.CreateKeyAsync(tenant.Name, "billing");
        var asTenant = new CatalogService.CatalogServiceClient(fx.As(secret));
        Assert.Equal("29.00", (await asTenant.GetCurrentPlanPriceAsync(new GetCurrentPlanPriceRequest { Parent = "plans/basic" })).BaseFee);
        var e = await Assert.ThrowsAsync<RpcException>(async () => await asTenant.CreatePlanPriceAsync(new CreatePlanPriceRequest
        {
            Parent = "plans/basic",
            Price = BillingScenario.Price("USD", "1"),
        }));
        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);

        using var rest = fx.RestAs(secret);
        using var response = await rest.GetAsync("/v1/plans/pro/prices:current");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("99.00", json.RootElement.GetProperty("baseFee").GetString());
        using var list = await rest.GetAsync("/v1/billableMetrics?pageSize=2");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }
}
