using Grpc.Core;
using Platform.Integration.Tests.Infrastructure;
using Platform.Quota.V1;
using Platform.Tenancy.V1;
using static Platform.Integration.Tests.Quota.QuotaScenario;

namespace Platform.Integration.Tests.Quota;

/// <summary>
/// Four hosts on one database and one Redis, saturated at once: the admitted calls stay within
/// the limit (plus burst) and reach at least 99 % of it.
/// </summary>
public sealed class DistributedAccuracyTests(PostgresHostFixture fx) : IClassFixture<PostgresHostFixture>
{
    private const int Limit = 200;

    [Fact]
    public async Task Four_hosts_sharing_redis_admit_the_limit_and_no_more()
    {
        var s = await CreateAsync(fx, Rate(LimitWindow.Hour, Limit), Rate(LimitWindow.Second, 10_000, burst: 10_000));
        // Accuracy is a property of the shared decision. Four hosts and 64 callers in one process on
        // two cores can stall a call past the 50 ms production timeout, which would (correctly) fall
        // back to per-host limits — that path has its own tests (RedisFaultTests), so here the
        // timeout is generous and the test checks that no call fell back.
        var hosts = Enumerable.Range(0, 4).Select(_ => fx.CreateSiblingHost(new() { ["Platform:RateLimiting:TimeoutMs"] = "5000" })).ToList();
        try
        {
            var channels = hosts.Select(HostFixture.ChannelFor).ToList();
            foreach (var channel in channels)
            {
                await HostFixture.WaitUntilServingAsync(channel);
            }

            // 3× the limit, 16 concurrent callers per host.
            var callers = channels.SelectMany(c => Enumerable.Range(0, 16).Select(_ => CallRepeatedlyAsync(c, s, 3 * Limit / 64))).ToList();
            var outcomes = (await Task.WhenAll(callers)).SelectMany(o => o).ToList();

            var admitted = outcomes.Count(o => o == StatusCode.OK);
            Assert.All(outcomes, o => Assert.True(o is StatusCode.OK or StatusCode.ResourceExhausted, $"unexpected {o}"));
            Assert.DoesNotContain(fx.Logs.Lines, l => l.Contains("Redis rate limiting unavailable", StringComparison.Ordinal));
            Assert.InRange(admitted, (int)Math.Ceiling(Limit * 0.99), Limit);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    private static async Task<List<StatusCode>> CallRepeatedlyAsync(Grpc.Net.Client.GrpcChannel channel, QuotaScenario s, int calls)
    {
        var client = new TenantService.TenantServiceClient(HostFixture.WithCredential(channel, s.Secret));
        var outcomes = new List<StatusCode>(calls);
        for (var i = 0; i < calls; i++)
        {
            try
            {
                await client.GetTenantAsync(new GetTenantRequest { Name = s.Tenant.Name });
                outcomes.Add(StatusCode.OK);
            }
            catch (RpcException e)
            {
                outcomes.Add(e.StatusCode);
            }
        }

        return outcomes;
    }
}
