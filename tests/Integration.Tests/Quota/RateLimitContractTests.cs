using System.Net;
using Google.Rpc;
using Grpc.Core;
using Platform.Audit.V1;
using Platform.Client;
using Platform.Integration.Tests.Infrastructure;
using Platform.Quota.V1;
using Platform.Tenancy.V1;
using static Platform.Integration.Tests.Quota.QuotaScenario;

namespace Platform.Integration.Tests.Quota;

/// <summary>SQLite hosts decide with the in-process limiter.</summary>
public sealed class SqliteRateLimitTests(SqliteHostFixture fx) : RateLimitContractTests<SqliteHostFixture>(fx);

/// <summary>PostgreSQL hosts decide on Redis (the Lua script).</summary>
public sealed class PostgresRateLimitTests(PostgresHostFixture fx) : RateLimitContractTests<PostgresHostFixture>(fx);

/// <summary>Plan rate limits on every protocol, with the error details and headers clients act on.</summary>
public abstract class RateLimitContractTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    [Fact]
    public async Task The_call_after_the_limit_fails_with_quota_failure_retry_info_and_error_info()
    {
        var s = await CreateAsync(fx, Rate(LimitWindow.Hour, 3));
        for (var i = 0; i < 3; i++)
        {
            await s.GetTenantAsync();
        }

        var e = await Assert.ThrowsAsync<RpcException>(s.GetTenantAsync);
        var error = e.ToPlatformError();
        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(Platform.Api.V1.ErrorReason.RateLimited, error.KnownReason);
        Assert.Equal("api_calls_per_hour", error.Metadata["limit_id"]);
        var violation = Assert.Single(error.QuotaViolations);
        Assert.Equal(("api_calls", "api_calls_per_hour", 3L, s.Tenant.Name), (violation.Metric, violation.LimitId, violation.LimitValue, violation.Subject));
        Assert.NotNull(error.RetryDelay);
        Assert.InRange(error.RetryDelay!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task Successful_grpc_calls_carry_the_ratelimit_fields_in_trailers()
    {
        var s = await CreateAsync(fx, Rate(LimitWindow.Hour, 10), Rate(LimitWindow.Second, 50, burst: 100));
        var call = new TenantService.TenantServiceClient(s.Caller).GetTenantAsync(new GetTenantRequest { Name = s.Tenant.Name });
        await call.ResponseAsync;
        var trailers = call.GetTrailers();
        Assert.Contains("\"api_calls_per_hour\";q=10;w=3600", trailers.GetValue("ratelimit-policy"), StringComparison.Ordinal);
        Assert.Contains("\"api_calls_per_second\";q=100;w=1", trailers.GetValue("ratelimit-policy"), StringComparison.Ordinal);
        Assert.Matches("\"api_calls_per_hour\";r=9;t=\\d+", trailers.GetValue("ratelimit"));
    }

    [Fact]
    public async Task Rest_answers_429_with_retry_after_and_ratelimit_headers()
    {
        var s = await CreateAsync(fx, Rate(LimitWindow.Day, 2));
        using var rest = fx.RestAs(s.Secret);
        using var ok = await rest.GetAsync($"/v1/{s.Tenant.Name}");
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Matches("\"api_calls_per_day\";r=1;t=\\d+", string.Join(",", ok.Headers.GetValues("RateLimit")));
        Assert.Contains("\"api_calls_per_day\";q=2;w=", string.Join(",", ok.Headers.GetValues("RateLimit-Policy")), StringComparison.Ordinal);

        await rest.GetAsync($"/v1/{s.Tenant.Name}");
        using var refused = await rest.GetAsync($"/v1/{s.Tenant.Name}");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var retryAfter = long.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 86_400);
        Assert.Matches("\"api_calls_per_day\";r=0;t=\\d+", string.Join(",", refused.Headers.GetValues("RateLimit")));
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("RATE_LIMITED", body, StringComparison.Ordinal);
        Assert.Contains("google.rpc.QuotaFailure", body, StringComparison.Ordinal);
        Assert.Contains("google.rpc.RetryInfo", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Grpc_web_calls_are_limited_the_same_way()
    {
        var s = await CreateAsync(fx, Rate(LimitWindow.Hour, 1));
        var web = new TenantService.TenantServiceClient(HostFixture.WithCredential(fx.GrpcWebChannel, s.Secret));
        await web.GetTenantAsync(new GetTenantRequest { Name = s.Tenant.Name });
        var e = await Assert.ThrowsAsync<RpcException>(async () => await web.GetTenantAsync(new GetTenantRequest { Name = s.Tenant.Name }));
        Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
        Assert.Equal("RATE_LIMITED", e.GetRpcStatus()?.GetDetail<ErrorInfo>()?.Reason);
    }

    [Fact]
    public async Task A_call_refused_by_one_window_consumes_nothing_from_the_others()
    {
        var s = await CreateAsync(fx, Rate(LimitWindow.Hour, 100), Rate(LimitWindow.Day, 3));
        for (var i = 0; i < 3; i++)
        {
            await s.GetTenantAsync();
        }

        for (var i = 0; i < 5; i++)
        {
            await Assert.ThrowsAsync<RpcException>(s.GetTenantAsync);
        }

        // Read as the operator, whose calls do not count against the tenant.
        var quota = await s.OperatorQuota.GetQuotaAsync(new GetQuotaRequest { Name = s.QuotaName });
        Assert.Equal(3, quota.Limits.Single(l => l.Limit.LimitId == "api_calls_per_hour").Usage);
        Assert.Equal(3, quota.Limits.Single(l => l.Limit.LimitId == "api_calls_per_day").Usage);
        Assert.Equal(0, quota.Limits.Single(l => l.Limit.LimitId == "api_calls_per_day").Remaining);
    }

    [Fact]
    public async Task Limit_changes_and_overrides_apply_mid_window_to_the_counts_already_made()
    {
        var s = await CreateAsync(fx, Rate(LimitWindow.Hour, 5));
        for (var i = 0; i < 3; i++)
        {
            await s.GetTenantAsync();
        }

        await s.Plans.UpdatePlanAsync(new UpdatePlanRequest
        {
            Plan = new Plan { Name = s.Plan.Name, Limits = { Rate(LimitWindow.Hour, 3) } },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "limits" } },
        });
        await Assert.ThrowsAsync<RpcException>(s.GetTenantAsync);

        var overridden = await s.OperatorQuota.SetQuotaOverrideAsync(new SetQuotaOverrideRequest { Name = s.QuotaName, Limit = Rate(LimitWindow.Hour, 4) });
        var hourly = overridden.Limits.Single(l => l.Limit.LimitId == "api_calls_per_hour");
        Assert.Equal((QuotaLimit.Types.Source.Override, 4L, 3L), (hourly.Source, hourly.Limit.Value, hourly.Usage));
        await s.GetTenantAsync();
        await Assert.ThrowsAsync<RpcException>(s.GetTenantAsync);

        var cleared = await s.OperatorQuota.ClearQuotaOverrideAsync(new ClearQuotaOverrideRequest { Name = s.QuotaName, LimitId = "api_calls_per_hour" });
        Assert.Equal(QuotaLimit.Types.Source.Plan, cleared.Limits.Single(l => l.Limit.LimitId == "api_calls_per_hour").Source);

        var audit = new AuditService.AuditServiceClient(fx.Operator);
        await Eventually(async () => (await audit.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = s.Tenant.Name, PageSize = 100 })).AuditEvents
            .Any(e => e.Method.EndsWith("/SetQuotaOverride", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Exhaustion_and_the_80_percent_mark_are_audited_once_per_window()
    {
        var s = await CreateAsync(fx, Rate(LimitWindow.Hour, 5));
        for (var i = 0; i < 5; i++)
        {
            await s.GetTenantAsync();
        }

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<RpcException>(s.GetTenantAsync);
        }

        var audit = new AuditService.AuditServiceClient(fx.Operator);
        IList<AuditEvent> events = [];
        await Eventually(async () =>
        {
            events = (await audit.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = s.Tenant.Name, PageSize = 100 })).AuditEvents;
            return events.Any(e => e.Method == "platform.quota/Exhausted");
        });
        Assert.Single(events, e => e.Method == "platform.quota/Exhausted" && e.Reason == "api_calls_per_hour");
        Assert.Single(events, e => e.Method == "platform.quota/NearLimit" && e.Reason == "api_calls_per_hour");
        // Refused calls are not audited one by one.
        Assert.DoesNotContain(events, e => e.Outcome == "RESOURCE_EXHAUSTED");
    }

    [Fact]
    public async Task Operators_are_not_limited_by_a_tenants_plan()
    {
        var s = await CreateAsync(fx, Rate(LimitWindow.Hour, 1));
        await s.GetTenantAsync();
        for (var i = 0; i < 10; i++)
        {
            await fx.Tenants.GetTenantAsync(new GetTenantRequest { Name = s.Tenant.Name });
        }

        await Assert.ThrowsAsync<RpcException>(s.GetTenantAsync);
    }

    [Fact]
    public async Task The_per_second_burst_refuses_a_flood_and_reports_a_short_retry()
    {
        var s = await CreateAsync(fx, Rate(LimitWindow.Second, 1, burst: 3));
        var outcomes = new List<StatusCode>();
        for (var i = 0; i < 6; i++)
        {
            try
            {
                await s.GetTenantAsync();
                outcomes.Add(StatusCode.OK);
            }
            catch (RpcException e)
            {
                outcomes.Add(e.StatusCode);
                Assert.InRange(e.ToPlatformError().RetryDelay!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(1.5));
            }
        }

        // 3 at once, perhaps one more refilled while the loop ran; never all 6.
        Assert.InRange(outcomes.Count(o => o == StatusCode.OK), 3, 4);
        Assert.Contains(StatusCode.ResourceExhausted, outcomes);
    }

    [Fact]
    public async Task Each_call_costs_what_its_method_declares()
    {
        var s = await CreateAsync(fx, Rate(LimitWindow.Hour, 8));
        var access = new Platform.Access.V1.AccessService.AccessServiceClient(s.Caller);
        await access.ListApiKeysAsync(new Platform.Access.V1.ListApiKeysRequest { Parent = s.Tenant.Name }); // cost 2
        await new AuditService.AuditServiceClient(s.Caller).ListAuditEventsAsync(new ListAuditEventsRequest { Parent = s.Tenant.Name }); // cost 5
        var quota = await s.OperatorQuota.GetQuotaAsync(new GetQuotaRequest { Name = s.QuotaName });
        Assert.Equal(7, quota.Limits.Single(l => l.Limit.LimitId == "api_calls_per_hour").Usage);

        // 2 more do not fit in the 1 left: refused, and nothing is taken.
        await Assert.ThrowsAsync<RpcException>(async () => await access.ListApiKeysAsync(new Platform.Access.V1.ListApiKeysRequest { Parent = s.Tenant.Name }));
        await s.GetTenantAsync();
    }

    [Fact]
    public async Task Check_quota_is_a_dry_run()
    {
        var s = await CreateAsync(fx, Rate(LimitWindow.Hour, 10), Allocation("providers", 2));
        var check = await s.TenantQuota.CheckQuotaAsync(new CheckQuotaRequest { Name = s.QuotaName, Metric = "providers", Amount = 3 });
        Assert.False(check.Allowed);
        Assert.Equal("providers", check.DeniedLimitId);
        Assert.True((await s.TenantQuota.CheckQuotaAsync(new CheckQuotaRequest { Name = s.QuotaName, Metric = "providers", Amount = 2 })).Allowed);
        var rate = await s.TenantQuota.CheckQuotaAsync(new CheckQuotaRequest { Name = s.QuotaName, Metric = "api_calls", Amount = 5 });
        Assert.True(rate.Allowed);
        var quota = await s.OperatorQuota.GetQuotaAsync(new GetQuotaRequest { Name = s.QuotaName });
        Assert.Equal(0, quota.Limits.Single(l => l.Limit.LimitId == "providers").Usage);
        // The three CheckQuota calls themselves were calls; the checked amounts were not consumed.
        Assert.Equal(3, quota.Limits.Single(l => l.Limit.LimitId == "api_calls_per_hour").Usage);
    }

    private static async Task Eventually(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met within 10 s");
            await Task.Delay(50);
        }
    }
}
