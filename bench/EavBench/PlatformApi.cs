using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Platform.Access.V1;
using Platform.Eav.V1;
using Platform.Quota.V1;
using Platform.Tenancy.V1;

namespace Platform.Bench.EavBench;

/// <summary>
/// The public gRPC API as the benchmark uses it: h2c channels (one HTTP/2 connection each), the
/// credential in an <c>authorization: Bearer</c> header, and the set-up every run needs — a plan
/// without limits, the tenants on it, an admin API key per tenant and the <c>item</c> type.
/// </summary>
internal sealed class PlatformApi(BenchOptions options) : IDisposable
{
    public const string PlanId = "bench-eav";

    private readonly ConcurrentBag<GrpcChannel> _channels = [];

    /// <summary>API key secrets by tenant id.</summary>
    public ConcurrentDictionary<string, string> Keys { get; } = new(StringComparer.Ordinal);

    public static string TypeName(string tenant) => $"tenants/{tenant}/entityTypes/{ItemData.TypeId}";

    /// <summary>A new channel: its own HTTP/2 connection, so concurrent clients do not share one.</summary>
    public GrpcChannel Channel()
    {
        var channel = GrpcChannel.ForAddress(options.GrpcAddress, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = false, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan },
            MaxReceiveMessageSize = 64 * 1024 * 1024,
        });
        _channels.Add(channel);
        return channel;
    }

    public static CallInvoker As(GrpcChannel channel, string secret) =>
        channel.Intercept(metadata =>
        {
            metadata.Add("authorization", $"Bearer {secret}");
            return metadata;
        });

    public async Task SetUpAsync(IReadOnlyList<string> tenants, Func<string, bool> indexed)
    {
        var channel = Channel();
        var operatorCalls = As(channel, options.OperatorKey);
        var plan = new Plan { DisplayName = "EAV bench (no limits)" };
        plan.Limits.Add(new Limit { Metric = "api_calls", Window = LimitWindow.Second, Unlimited = true });
        plan.Limits.Add(new Limit { Metric = "api_calls", Window = LimitWindow.Hour, Unlimited = true });
        foreach (var metric in new[] { "entities", "entity_types", "storage_bytes", "api_keys" })
        {
            plan.Limits.Add(new Limit { Metric = metric, Unlimited = true });
        }

        await new PlanService.PlanServiceClient(operatorCalls).CreatePlanAsync(new CreatePlanRequest { PlanId = PlanId, Plan = plan });

        var started = Stopwatch.GetTimestamp();
        var tenantClient = new TenantService.TenantServiceClient(operatorCalls);
        var accessClient = new AccessService.AccessServiceClient(operatorCalls);
        await Parallel.ForEachAsync(tenants, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (tenant, ct) =>
        {
            await tenantClient.CreateTenantAsync(new CreateTenantRequest
            {
                TenantId = tenant,
                Tenant = new Tenant { DisplayName = tenant, Plan = $"plans/{PlanId}" },
            }, cancellationToken: ct);
            var key = await accessClient.CreateApiKeyAsync(new CreateApiKeyRequest
            {
                Parent = $"tenants/{tenant}",
                ApiKey = new ApiKey { DisplayName = "eav bench", Roles = { "admin" } },
            }, cancellationToken: ct);
            Keys[tenant] = key.Secret;
            var types = new EntityTypeService.EntityTypeServiceClient(As(channel, key.Secret));
            await types.CreateEntityTypeAsync(new CreateEntityTypeRequest
            {
                Parent = $"tenants/{tenant}",
                EntityTypeId = ItemData.TypeId,
                EntityType = ItemData.Schema(indexed(tenant)),
            }, cancellationToken: ct);
        });
        Log.Info($"created {tenants.Count} tenants (plan {PlanId}), an admin key and the '{ItemData.TypeId}' type in each in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s");
    }

    /// <summary>Waits until every indexed attribute of the tenants' item types says READY; FAILED is fatal.</summary>
    public async Task<TimeSpan> WaitForIndexesAsync(IReadOnlyList<string> tenants, TimeSpan timeout)
    {
        var channel = Channel();
        var started = Stopwatch.GetTimestamp();
        var pending = tenants.ToList();
        while (true)
        {
            var still = new ConcurrentBag<string>();
            await Parallel.ForEachAsync(pending, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (tenant, ct) =>
            {
                var client = new EntityTypeService.EntityTypeServiceClient(As(channel, Keys[tenant]));
                var type = await client.GetEntityTypeAsync(new GetEntityTypeRequest { Name = TypeName(tenant) }, cancellationToken: ct);
                if (type.Attributes.FirstOrDefault(a => a.IndexState == IndexState.Failed) is { } failed)
                {
                    throw new InvalidOperationException($"{type.Name}: the index of '{failed.Key}' failed to build");
                }

                if (type.Attributes.Any(a => a.IndexState == IndexState.Building))
                {
                    still.Add(tenant);
                }
            });
            if (still.IsEmpty)
            {
                return Stopwatch.GetElapsedTime(started);
            }

            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"indexes still building after {timeout.TotalSeconds:F0} s on {still.Count} tenant(s), e.g. {still.First()}");
            }

            pending = [.. still];
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
    }
}
