using Grpc.Core;
using Platform.Infrastructure.Tests.RateLimiting;
using Platform.Integration.Tests.Infrastructure;
using Platform.Quota.V1;
using Platform.Tenancy.V1;
using static Platform.Integration.Tests.Quota.QuotaScenario;

namespace Platform.Integration.Tests.Quota;

/// <summary>
/// A host whose Redis is a private redis-server process this test kills and restarts: a Redis
/// outage never refuses a call, and the host returns to Redis by itself.
/// </summary>
public sealed class RedisFaultTests(PostgresHostFixture fx) : IClassFixture<PostgresHostFixture>
{
    private static Dictionary<string, string?> FastBreaker(string redis) => new()
    {
        ["ConnectionStrings:Redis"] = redis,
        ["Platform:RateLimiting:BreakerMinimumThroughput"] = "2",
        ["Platform:RateLimiting:BreakerSamplingDurationMs"] = "500",
        ["Platform:RateLimiting:BreakerBreakDurationMs"] = "500",
    };

    [Fact]
    public async Task Killing_redis_refuses_nothing_and_the_host_returns_to_redis_when_it_is_back()
    {
        await using var redis = await RedisServerProcess.StartAsync();
        await using var host = fx.CreateSiblingHost(FastBreaker(redis.Endpoint));
        using var channel = HostFixture.ChannelFor(host);
        await HostFixture.WaitUntilServingAsync(channel);
        var s = await CreateOnAsync(channel, Rate(LimitWindow.Hour, 1_000));
        var tenants = new TenantService.TenantServiceClient(HostFixture.WithCredential(channel, s.Secret));
        var operatorQuota = new QuotaService.QuotaServiceClient(HostFixture.WithCredential(channel, fx.OperatorKey));
        for (var i = 0; i < 10; i++)
        {
            await tenants.GetTenantAsync(new GetTenantRequest { Name = s.Tenant.Name });
        }

        await redis.KillAsync();
        for (var i = 0; i < 40; i++)
        {
            // Any RpcException here (RESOURCE_EXHAUSTED or other) fails the test.
            await tenants.GetTenantAsync(new GetTenantRequest { Name = s.Tenant.Name });
        }

        Assert.Contains(fx.Logs.Lines, l => l.Contains("Redis rate limiting unavailable", StringComparison.Ordinal));

        await redis.RestartAsync();
        // The restarted Redis is empty; once the host is back on it, its counts start from there.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!fx.Logs.Lines.Any(l => l.Contains("Redis rate limiting recovered", StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, "the host did not return to Redis within 30 s");
            await tenants.GetTenantAsync(new GetTenantRequest { Name = s.Tenant.Name });
            await Task.Delay(100);
        }

        var before = await HourlyUsageAsync(operatorQuota, s.QuotaName);
        for (var i = 0; i < 5; i++)
        {
            await tenants.GetTenantAsync(new GetTenantRequest { Name = s.Tenant.Name });
        }

        Assert.Equal(before + 5, await HourlyUsageAsync(operatorQuota, s.QuotaName));
    }

    [Fact]
    public async Task A_host_starts_and_serves_while_redis_is_down()
    {
        await using var host = fx.CreateSiblingHost(FastBreaker(RedisServerProcess.DeadEndpoint()));
        using var channel = HostFixture.ChannelFor(host);
        await HostFixture.WaitUntilServingAsync(channel);
        var s = await CreateOnAsync(channel, Rate(LimitWindow.Hour, 100));
        var tenants = new TenantService.TenantServiceClient(HostFixture.WithCredential(channel, s.Secret));
        for (var i = 0; i < 20; i++)
        {
            await tenants.GetTenantAsync(new GetTenantRequest { Name = s.Tenant.Name });
        }

        // Still limited (locally), not unlimited: the answer carries the limit's state.
        var call = tenants.GetTenantAsync(new GetTenantRequest { Name = s.Tenant.Name });
        await call.ResponseAsync;
        Assert.Contains("\"api_calls_per_hour\";r=", call.GetTrailers().GetValue("ratelimit"), StringComparison.Ordinal);
    }

    private static async Task<long> HourlyUsageAsync(QuotaService.QuotaServiceClient quota, string name) =>
        (await quota.GetQuotaAsync(new GetQuotaRequest { Name = name })).Limits.Single(l => l.Limit.LimitId == "api_calls_per_hour").Usage;

    private async Task<(Tenant Tenant, string Secret, string QuotaName)> CreateOnAsync(Grpc.Net.Client.GrpcChannel channel, params Limit[] limits)
    {
        var op = HostFixture.WithCredential(channel, fx.OperatorKey);
        var plan = await new PlanService.PlanServiceClient(op).CreatePlanAsync(new CreatePlanRequest
        {
            PlanId = TenantSetup.NewId("p"),
            Plan = new Plan { DisplayName = "Fault", Limits = { limits } },
        });
        var tenant = await new TenantService.TenantServiceClient(op).CreateTenantAsync(new CreateTenantRequest
        {
            TenantId = TenantSetup.NewId(),
            Tenant = new Tenant { DisplayName = "Fault tenant", Plan = plan.Name },
        });
        var key = await new Platform.Access.V1.AccessService.AccessServiceClient(op).CreateApiKeyAsync(new Platform.Access.V1.CreateApiKeyRequest
        {
            Parent = tenant.Name,
            ApiKey = new Platform.Access.V1.ApiKey { DisplayName = "k", Roles = { "admin" } },
        });
        return (tenant, key.Secret, $"{tenant.Name}/quota");
    }
}
