using Grpc.Core;
using Platform.Access.V1;
using Platform.Client;
using Platform.Integration.Tests.Infrastructure;
using Platform.Quota.V1;
using static Platform.Integration.Tests.Quota.QuotaScenario;

namespace Platform.Integration.Tests.Quota;

public sealed class SqliteAllocationTests(SqliteHostFixture fx) : AllocationContractTests<SqliteHostFixture>(fx);

public sealed class PostgresAllocationTests(PostgresHostFixture fx) : AllocationContractTests<PostgresHostFixture>(fx);

/// <summary>Allocation quotas in the database: custom counters and the built-in ones.</summary>
public abstract class AllocationContractTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private static AllocateQuotaRequest Allocate(QuotaScenario s, long amount, string? requestId = null) =>
        new() { Name = s.QuotaName, Metric = "providers", Amount = amount, RequestId = requestId ?? "" };

    [Fact]
    public async Task Allocations_stop_at_the_limit_and_release_gives_units_back()
    {
        var s = await CreateAsync(fx, Allocation("providers", 3));
        var first = await s.TenantQuota.AllocateQuotaAsync(Allocate(s, 2));
        Assert.Equal((2L, 1L), (first.Limit.Usage, first.Limit.Remaining));

        var e = await Assert.ThrowsAsync<RpcException>(async () => await s.TenantQuota.AllocateQuotaAsync(Allocate(s, 2)));
        var error = e.ToPlatformError();
        Assert.Equal((StatusCode.ResourceExhausted, Platform.Api.V1.ErrorReason.QuotaExceeded), (error.StatusCode, error.KnownReason));
        Assert.Equal(("providers", "providers", 3L), (error.QuotaViolations[0].Metric, error.QuotaViolations[0].LimitId, error.QuotaViolations[0].LimitValue));
        Assert.Null(error.RetryDelay);

        var released = await s.TenantQuota.ReleaseQuotaAsync(new ReleaseQuotaRequest { Name = s.QuotaName, Metric = "providers", Amount = 2 });
        Assert.Equal(0, released.Limit.Usage);
        await Errors.AssertFailsAsync(async () => await s.TenantQuota.ReleaseQuotaAsync(new ReleaseQuotaRequest { Name = s.QuotaName, Metric = "providers" }),
            StatusCode.FailedPrecondition, "INVALID_STATE");
    }

    [Fact]
    public async Task Allocate_and_release_are_idempotent_by_request_id()
    {
        var s = await CreateAsync(fx, Allocation("providers", 5));
        var id = Guid.NewGuid().ToString();
        await s.TenantQuota.AllocateQuotaAsync(Allocate(s, 2, id));
        var retry = await s.TenantQuota.AllocateQuotaAsync(Allocate(s, 2, id));
        Assert.Equal(2, retry.Limit.Usage);
        await Errors.AssertFailsAsync(async () => await s.TenantQuota.AllocateQuotaAsync(Allocate(s, 3, id)),
            StatusCode.InvalidArgument, "REQUEST_ID_REUSED");

        var releaseId = Guid.NewGuid().ToString();
        var release = new ReleaseQuotaRequest { Name = s.QuotaName, Metric = "providers", Amount = 1, RequestId = releaseId };
        await s.TenantQuota.ReleaseQuotaAsync(release);
        Assert.Equal(1, (await s.TenantQuota.ReleaseQuotaAsync(release)).Limit.Usage);
    }

    [Fact]
    public async Task Concurrent_allocations_never_pass_the_limit()
    {
        var s = await CreateAsync(fx, Allocation("providers", 10));
        var attempts = Enumerable.Range(0, 25).Select(async _ =>
        {
            try
            {
                await s.TenantQuota.AllocateQuotaAsync(Allocate(s, 1));
                return true;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.ResourceExhausted)
            {
                return false;
            }
        });
        var results = await Task.WhenAll(attempts);
        Assert.Equal(10, results.Count(ok => ok));
        var quota = await s.OperatorQuota.GetQuotaAsync(new GetQuotaRequest { Name = s.QuotaName });
        Assert.Equal(10, quota.Limits.Single(l => l.Limit.LimitId == "providers").Usage);
    }

    [Fact]
    public async Task A_downgrade_below_usage_blocks_new_allocations_and_deletes_nothing()
    {
        var s = await CreateAsync(fx, Allocation("providers", 5));
        await s.TenantQuota.AllocateQuotaAsync(Allocate(s, 4));
        await s.Plans.UpdatePlanAsync(new UpdatePlanRequest
        {
            Plan = new Plan { Name = s.Plan.Name, Limits = { Allocation("providers", 2) } },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "limits" } },
        });

        var quota = await s.TenantQuota.GetQuotaAsync(new GetQuotaRequest { Name = s.QuotaName });
        var providers = quota.Limits.Single(l => l.Limit.LimitId == "providers");
        Assert.Equal((4L, 0L, 2L), (providers.Usage, providers.Remaining, providers.Limit.Value));
        await Errors.AssertFailsAsync(async () => await s.TenantQuota.AllocateQuotaAsync(Allocate(s, 1)),
            StatusCode.ResourceExhausted, "QUOTA_EXCEEDED");
        Assert.Equal(3, (await s.TenantQuota.ReleaseQuotaAsync(new ReleaseQuotaRequest { Name = s.QuotaName, Metric = "providers" })).Limit.Usage);
    }

    [Fact]
    public async Task Built_in_and_undeclared_metrics_cannot_be_allocated_by_hand()
    {
        var s = await CreateAsync(fx, Allocation("providers", 5), Allocation("api_keys", 5));
        var (_, _, builtIn) = await Errors.AssertFailsAsync(async () => await s.TenantQuota.AllocateQuotaAsync(new AllocateQuotaRequest { Name = s.QuotaName, Metric = "api_keys" }),
            StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["metric"], builtIn.Fields());
        var (_, _, undeclared) = await Errors.AssertFailsAsync(async () => await s.TenantQuota.AllocateQuotaAsync(new AllocateQuotaRequest { Name = s.QuotaName, Metric = "mcp_services" }),
            StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["metric"], undeclared.Fields());
        await Errors.AssertFailsAsync(async () => await s.TenantQuota.AllocateQuotaAsync(new AllocateQuotaRequest { Name = s.QuotaName, Metric = "providers", Amount = -1 }),
            StatusCode.InvalidArgument, "VALIDATION_FAILED");
    }

    [Fact]
    public async Task The_api_key_limit_is_enforced_where_keys_are_created_and_revoking_frees_a_slot()
    {
        // The scenario's own admin key is the first of three.
        var s = await CreateAsync(fx, Allocation("api_keys", 3));
        var access = new AccessService.AccessServiceClient(s.Caller);
        var request = new CreateApiKeyRequest { Parent = s.Tenant.Name, ApiKey = new ApiKey { DisplayName = "k", Roles = { "viewer" } } };
        await access.CreateApiKeyAsync(request);
        var second = await access.CreateApiKeyAsync(request);
        await Errors.AssertFailsAsync(async () => await access.CreateApiKeyAsync(request), StatusCode.ResourceExhausted, "QUOTA_EXCEEDED");

        await access.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = second.ApiKey.Name });
        await access.CreateApiKeyAsync(request);
        var quota = await s.TenantQuota.GetQuotaAsync(new GetQuotaRequest { Name = s.QuotaName });
        Assert.Equal(3, quota.Limits.Single(l => l.Limit.LimitId == "api_keys").Usage);
    }

    [Fact]
    public async Task The_member_limit_is_enforced_where_members_are_created()
    {
        var s = await CreateAsync(fx, Allocation("members", 1));
        var access = new AccessService.AccessServiceClient(s.Caller);
        var first = await access.CreateMemberAsync(new CreateMemberRequest { Parent = s.Tenant.Name, Member = new Member { Subject = "alice", Issuer = "https://idp.test", Roles = { "viewer" } } });
        await Errors.AssertFailsAsync(async () => await access.CreateMemberAsync(new CreateMemberRequest
        {
            Parent = s.Tenant.Name,
            Member = new Member { Subject = "bob", Issuer = "https://idp.test", Roles = { "viewer" } },
        }), StatusCode.ResourceExhausted, "QUOTA_EXCEEDED");
        await access.DeleteMemberAsync(new DeleteMemberRequest { Name = first.Name });
        await access.CreateMemberAsync(new CreateMemberRequest { Parent = s.Tenant.Name, Member = new Member { Subject = "bob", Issuer = "https://idp.test", Roles = { "viewer" } } });
    }
}
