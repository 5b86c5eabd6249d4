using Grpc.Core;
using Platform.Integration.Tests.Infrastructure;
using Platform.Quota.V1;
using Platform.Tenancy.V1;

namespace Platform.Integration.Tests.Quota;

/// <summary>A fresh plan with the given limits, a tenant on it and an admin key of that tenant.</summary>
public sealed record QuotaScenario(HostFixture Fx, Plan Plan, Tenant Tenant, string Secret)
{
    public string QuotaName => $"{Tenant.Name}/quota";

    public CallInvoker Caller => Fx.As(Secret);

    public QuotaService.QuotaServiceClient TenantQuota => new(Caller);

    public QuotaService.QuotaServiceClient OperatorQuota => new(Fx.Operator);

    public PlanService.PlanServiceClient Plans => new(Fx.Operator);

    public Task<Tenant> GetTenantAsync() => new TenantService.TenantServiceClient(Caller).GetTenantAsync(new GetTenantRequest { Name = Tenant.Name }).ResponseAsync;

    public static async Task<QuotaScenario> CreateAsync(HostFixture fx, params Limit[] limits)
    {
        var plans = new PlanService.PlanServiceClient(fx.Operator);
        var plan = await plans.CreatePlanAsync(new CreatePlanRequest
        {
            PlanId = TenantSetup.NewId("p"),
            Plan = new Plan { DisplayName = "Test plan", Limits = { limits } },
        });
        var tenant = await fx.Tenants.CreateTenantAsync(new CreateTenantRequest
        {
            TenantId = TenantSetup.NewId(),
            Tenant = new Tenant { DisplayName = "Quota tenant", Plan = plan.Name },
        });
        var (secret, _) = await fx.CreateKeyAsync(tenant.Name);
        return new QuotaScenario(fx, plan, tenant, secret);
    }

    public static Limit Rate(LimitWindow window, long value, long burst = 0) =>
        new() { Metric = "api_calls", Window = window, Value = value, Burst = burst };

    public static Limit Allocation(string metric, long value) => new() { Metric = metric, Value = value };

    public static Limit Unlimited(string metric) => new() { Metric = metric, Unlimited = true };
}
