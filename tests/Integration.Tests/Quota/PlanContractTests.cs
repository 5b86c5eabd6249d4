using Grpc.Core;
using Platform.Integration.Tests.Infrastructure;
using Platform.Quota.V1;
using Platform.Tenancy.V1;
using static Platform.Integration.Tests.Quota.QuotaScenario;

namespace Platform.Integration.Tests.Quota;

public sealed class SqlitePlanTests(SqliteHostFixture fx) : PlanContractTests<SqliteHostFixture>(fx);

public sealed class PostgresPlanTests(PostgresHostFixture fx) : PlanContractTests<PostgresHostFixture>(fx);

/// <summary>The plan catalog: seeds, CRUD, validation, idempotency, and tenants' plan assignment.</summary>
public abstract class PlanContractTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private PlanService.PlanServiceClient Plans => new(fx.Operator);

    [Fact]
    public async Task An_empty_catalog_is_seeded_and_new_tenants_start_on_free()
    {
        var plans = (await Plans.ListPlansAsync(new ListPlansRequest { PageSize = 1000 })).Plans.Select(p => p.Name).ToList();
        Assert.Subset(plans.ToHashSet(), new HashSet<string> { "plans/free", "plans/basic", "plans/pro", "plans/enterprise" });

        var basic = await Plans.GetPlanAsync(new GetPlanRequest { Name = "plans/basic" });
        Assert.Equal(1_000, basic.Limits.Single(l => l.LimitId == "api_calls_per_hour").Value);
        Assert.Equal(5, basic.Limits.Single(l => l.LimitId == "providers").Value);
        var enterprise = await Plans.GetPlanAsync(new GetPlanRequest { Name = "plans/enterprise" });
        Assert.True(enterprise.Limits.Single(l => l.LimitId == "providers").Unlimited);

        var tenant = await fx.CreateTenantAsync();
        Assert.Equal("plans/free", tenant.Plan);
        Assert.Equal(1, tenant.BillingAnchorDay);
    }

    [Fact]
    public async Task Plans_are_created_idempotently_updated_and_paged()
    {
        var id = TenantSetup.NewId("p");
        var request = new CreatePlanRequest
        {
            PlanId = id,
            RequestId = Guid.NewGuid().ToString(),
            Plan = new Plan { DisplayName = "Startup", Limits = { Rate(LimitWindow.Hour, 50), Allocation("providers", 2) } },
        };
        var created = await Plans.CreatePlanAsync(request);
        var retried = await Plans.CreatePlanAsync(request);
        Assert.Equal(created, retried);
        Assert.Equal($"plans/{id}", created.Name);
        Assert.Equal(["api_calls_per_hour", "providers"], created.Limits.Select(l => l.LimitId));

        await Errors.AssertFailsAsync(async () => await Plans.CreatePlanAsync(new CreatePlanRequest { PlanId = id, Plan = new Plan { DisplayName = "x" } }),
            StatusCode.AlreadyExists, "RESOURCE_ALREADY_EXISTS");

        var updated = await Plans.UpdatePlanAsync(new UpdatePlanRequest
        {
            Plan = new Plan { Name = created.Name, Etag = created.Etag, Limits = { Rate(LimitWindow.Hour, 80) } },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "limits" } },
        });
        Assert.Equal(80, updated.Limits.Single().Value);
        Assert.Equal("Startup", updated.DisplayName);
        await Errors.AssertFailsAsync(async () => await Plans.UpdatePlanAsync(new UpdatePlanRequest
        {
            Plan = new Plan { Name = created.Name, Etag = created.Etag, DisplayName = "stale" },
        }), StatusCode.FailedPrecondition, "ETAG_MISMATCH");

        var first = await Plans.ListPlansAsync(new ListPlansRequest { PageSize = 2 });
        var second = await Plans.ListPlansAsync(new ListPlansRequest { PageSize = 2, PageToken = first.NextPageToken });
        Assert.Equal(2, first.Plans.Count);
        Assert.Empty(first.Plans.Select(p => p.Name).Intersect(second.Plans.Select(p => p.Name)));
        Assert.True(string.CompareOrdinal(first.Plans[1].Name, second.Plans[0].Name) < 0);
    }

    [Fact]
    public async Task Invalid_limits_are_refused_with_one_violation_per_field()
    {
        var (_, _, bad) = await Errors.AssertFailsAsync(async () => await Plans.CreatePlanAsync(new CreatePlanRequest
        {
            PlanId = TenantSetup.NewId("p"),
            Plan = new Plan
            {
                DisplayName = "Bad",
                Limits =
                {
                    new Limit { Metric = "api_calls" },
                    new Limit { Metric = "providers", Window = LimitWindow.Hour, Value = 1 },
                    new Limit { Metric = "Bad Metric", Value = 1 },
                    new Limit { Metric = "seats", Value = 5, Unlimited = true },
                    Allocation("providers", 1),
                    Allocation("providers", 2),
                },
            },
        }), StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["plan.limits[0].window", "plan.limits[1].window", "plan.limits[2].metric", "plan.limits[3].value", "plan.limits[5]"], bad.Fields());
    }

    [Fact]
    public async Task A_plan_in_use_cannot_be_deleted_and_tenants_only_join_existing_plans()
    {
        var s = await CreateAsync(fx, Rate(LimitWindow.Hour, 100));
        await Errors.AssertFailsAsync(async () => await Plans.DeletePlanAsync(new DeletePlanRequest { Name = s.Plan.Name }),
            StatusCode.FailedPrecondition, "INVALID_STATE");

        var (_, _, bad) = await Errors.AssertFailsAsync(async () => await fx.Tenants.UpdateTenantAsync(new UpdateTenantRequest
        {
            Tenant = new Tenant { Name = s.Tenant.Name, Plan = "plans/does-not-exist" },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "plan" } },
        }), StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["tenant.plan"], bad.Fields());

        await fx.Tenants.UpdateTenantAsync(new UpdateTenantRequest
        {
            Tenant = new Tenant { Name = s.Tenant.Name, Plan = "plans/basic", BillingAnchorDay = 31 },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "plan", "billing_anchor_day" } },
        });
        await Plans.DeletePlanAsync(new DeletePlanRequest { Name = s.Plan.Name });
        await Errors.AssertFailsAsync(async () => await Plans.GetPlanAsync(new GetPlanRequest { Name = s.Plan.Name }),
            StatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task Tenants_may_read_plans_but_not_change_them()
    {
        var s = await CreateAsync(fx, Rate(LimitWindow.Hour, 100));
        var asTenant = new PlanService.PlanServiceClient(s.Caller);
        Assert.Equal(s.Plan.Name, (await asTenant.GetPlanAsync(new GetPlanRequest { Name = s.Plan.Name })).Name);
        await Errors.AssertFailsAsync(async () => await asTenant.CreatePlanAsync(new CreatePlanRequest
        {
            PlanId = TenantSetup.NewId("p"),
            Plan = new Plan { DisplayName = "mine" },
        }), StatusCode.PermissionDenied, "PERMISSION_DENIED");
        await Errors.AssertFailsAsync(async () => await s.TenantQuota.SetQuotaOverrideAsync(new SetQuotaOverrideRequest
        {
            Name = s.QuotaName,
            Limit = Rate(LimitWindow.Hour, 1_000_000),
        }), StatusCode.PermissionDenied, "PERMISSION_DENIED");
    }
}
