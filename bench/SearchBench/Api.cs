using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Platform.Access.V1;
using Platform.Eav.V1;
using Platform.Quota.V1;
using Platform.Tenancy.V1;

namespace Platform.Bench.SearchBench;

/// <summary>
/// The public gRPC API as the benchmark uses it: one tenant on a plan without limits, an admin key,
/// the <c>listing</c> type, and ImportEntities streams that must create exactly what they send.
/// </summary>
internal sealed class Api(Options options) : IDisposable
{
    public const string Tenant = "search-bench";
    public const string PlanId = "bench-search";
    public static readonly string TypeName = $"tenants/{Tenant}/entityTypes/{Corpus.TypeId}";

    private readonly ConcurrentBag<GrpcChannel> _channels = [];

    public string Key { get; private set; } = "";

    /// <summary>A channel of its own (one HTTP/2 connection), authenticated as the tenant's admin key.</summary>
    public CallInvoker Calls() => As(Channel(), Key);

    public async Task SetUpAsync()
    {
        var operatorCalls = As(Channel(), options.OperatorKey);
        var plan = new Plan { DisplayName = "Search bench (no limits)" };
        plan.Limits.Add(new Limit { Metric = "api_calls", Window = LimitWindow.Second, Unlimited = true });
        plan.Limits.Add(new Limit { Metric = "api_calls", Window = LimitWindow.Hour, Unlimited = true });
        foreach (var metric in new[] { "entities", "entity_types", "storage_bytes", "api_keys" })
        {
            plan.Limits.Add(new Limit { Metric = metric, Unlimited = true });
        }

        await new PlanService.PlanServiceClient(operatorCalls).CreatePlanAsync(new CreatePlanRequest { PlanId = PlanId, Plan = plan });
        await new TenantService.TenantServiceClient(operatorCalls).CreateTenantAsync(new CreateTenantRequest
        {
            TenantId = Tenant,
            Tenant = new Tenant { DisplayName = Tenant, Plan = $"plans/{PlanId}" },
        });
        var key = await new AccessService.AccessServiceClient(operatorCalls).CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Parent = $"tenants/{Tenant}",
            ApiKey = new ApiKey { DisplayName = "search bench", Roles = { "admin" } },
        });
        Key = key.Secret;
        await new EntityTypeService.EntityTypeServiceClient(Calls()).CreateEntityTypeAsync(new CreateEntityTypeRequest
        {
            Parent = $"tenants/{Tenant}",
            EntityTypeId = Corpus.TypeId,
            EntityType = Corpus.Schema(),
        });
    }

    /// <summary>Documents [0, count) over <c>--import-streams</c> concurrent streams, each a contiguous slice.</summary>
    public async Task<TimeSpan> ImportAsync(int count, int seed)
    {
        var started = Stopwatch.GetTimestamp();
        var streams = Math.Max(1, Math.Min(options.ImportStreams, count));
        await Task.WhenAll(Enumerable.Range(0, streams).Select(s => Task.Run(async () =>
        {
            var from = (int)((long)count * s / streams);
            var to = (int)((long)count * (s + 1) / streams);
            var client = new EntityService.EntityServiceClient(Calls());
            using var call = client.ImportEntities();
            for (var i = from; i < to; i += options.Batch)
            {
                var message = new ImportEntitiesRequest();
                if (i == from)
                {
                    message.Parent = TypeName;
                    message.Mode = ImportMode.Create;
                }

                for (var j = i; j < Math.Min(to, i + options.Batch); j++)
                {
                    message.Entities.Add(Corpus.Generate(seed, j));
                }

                await call.RequestStream.WriteAsync(message);
            }

            await call.RequestStream.CompleteAsync();
            var response = await call.ResponseAsync;
            if (response.CreatedCount != to - from || response.FailedCount != 0)
            {
                throw new RpcException(new Status(StatusCode.DataLoss, $"ImportEntities: sent {to - from}, created {response.CreatedCount}, failed {response.FailedCount}"));
            }
        })));
        return Stopwatch.GetElapsedTime(started);
    }

    private GrpcChannel Channel()
    {
        var channel = GrpcChannel.ForAddress(options.GrpcAddress, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = false, PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan },
            MaxReceiveMessageSize = 64 * 1024 * 1024,
        });
        _channels.Add(channel);
        return channel;
    }

    private static CallInvoker As(GrpcChannel channel, string secret) =>
        channel.Intercept(metadata =>
        {
            metadata.Add("authorization", $"Bearer {secret}");
            return metadata;
        });

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
    }
}
