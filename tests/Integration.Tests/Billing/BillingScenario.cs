using Google.Protobuf.WellKnownTypes;
using Platform.Billing.V1;
using Platform.Integration.Tests.Infrastructure;
using Platform.Quota.V1;
using Platform.Tenancy.V1;

namespace Platform.Integration.Tests.Billing;

/// <summary>Set-up shared by the billing contract tests.</summary>
public static class BillingScenario
{
    /// <summary>A new quota plan (prices need a plan to belong to).</summary>
    public static async Task<string> NewPlanAsync(HostFixture fx)
    {
        var id = TenantSetup.NewId("bp");
        var plan = await new PlanService.PlanServiceClient(fx.Operator).CreatePlanAsync(new CreatePlanRequest { PlanId = id, Plan = new Plan { DisplayName = id } });
        return plan.Name;
    }

    /// <summary>A new plan with one price version.</summary>
    public static async Task<string> NewPricedPlanAsync(HostFixture fx, string currency, string baseFee, params MetricPrice[] metrics)
    {
        var plan = await NewPlanAsync(fx);
        await new CatalogService.CatalogServiceClient(fx.Operator).CreatePlanPriceAsync(new CreatePlanPriceRequest { Parent = plan, Price = Price(currency, baseFee, metrics) });
        return plan;
    }

    public static Platform.Billing.V1.PlanPrice Price(string currency, string baseFee, params MetricPrice[] metrics) => new()
    {
        Currency = currency,
        Interval = BillingInterval.Month,
        BaseFee = baseFee,
        Metrics = { metrics },
    };

    public static async Task<Tenant> NewTenantAsync(HostFixture fx, string timeZone = "UTC", int anchorDay = 1) =>
        await fx.Tenants.CreateTenantAsync(new CreateTenantRequest
        {
            TenantId = TenantSetup.NewId("bt"),
            Tenant = new Tenant { DisplayName = "Billing tenant", TimeZone = timeZone, BillingAnchorDay = anchorDay },
        });

    public static Timestamp At(string iso) => Timestamp.FromDateTimeOffset(DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture));
}
