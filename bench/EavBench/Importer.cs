using System.Diagnostics;
using Grpc.Core;
using Platform.Eav.V1;

namespace Platform.Bench.EavBench;

/// <summary>What one import phase did.</summary>
internal sealed record ImportOutcome(long Entities, TimeSpan Elapsed, int Streams)
{
    public double PerSecond => Entities / Elapsed.TotalSeconds;
}

/// <summary>
/// Loads entities through ImportEntities (client streaming, mode CREATE, client ids), a batch of
/// entities per message. Every stream must report exactly what it sent as created: anything else
/// (a failed entity, an error) stops the benchmark.
/// </summary>
internal sealed class Importer(PlatformApi api, BenchOptions options)
{
    /// <summary>The big tenant's entities over <c>--import-streams</c> concurrent streams, each a contiguous slice.</summary>
    public async Task<ImportOutcome> ImportBigAsync(string tenant, int seed)
    {
        var streams = Math.Min(options.ImportStreams, options.BigEntities);
        var started = Stopwatch.GetTimestamp();
        var tasks = Enumerable.Range(0, streams).Select(s =>
        {
            var from = (int)((long)options.BigEntities * s / streams);
            var to = (int)((long)options.BigEntities * (s + 1) / streams);
            // One connection per stream: concurrent streams on one connection would share its flow control.
            var client = new EntityService.EntityServiceClient(PlatformApi.As(api.Channel(), api.Keys[tenant]));
            return Task.Run(() => StreamAsync(client, tenant, from, to, i => ItemData.Generate(ItemData.BigId(i), seed, i)));
        }).ToList();
        await Task.WhenAll(tasks);
        return new ImportOutcome(options.BigEntities, Stopwatch.GetElapsedTime(started), streams);
    }

    /// <summary>The other tenants, one stream per tenant, <c>--small-streams</c> tenants at a time.</summary>
    public async Task<ImportOutcome> ImportSmallAsync(IReadOnlyList<string> tenants, int seed)
    {
        var started = Stopwatch.GetTimestamp();
        var channels = Enumerable.Range(0, options.SmallStreams).Select(_ => api.Channel()).ToArray();
        var next = -1;
        var done = 0;
        var workers = channels.Select(channel => Task.Run(async () =>
        {
            for (var t = Interlocked.Increment(ref next); t < tenants.Count; t = Interlocked.Increment(ref next))
            {
                // Tenant t gets an equal share of the small tenants' entities (the first ones one more).
                var from = (int)((long)options.SmallEntities * t / tenants.Count);
                var to = (int)((long)options.SmallEntities * (t + 1) / tenants.Count);
                var client = new EntityService.EntityServiceClient(PlatformApi.As(channel, api.Keys[tenants[t]]));
                await StreamAsync(client, tenants[t], from, to, i => ItemData.Generate(ItemData.SmallId(i), seed + t, i));
                if (Interlocked.Increment(ref done) % 100 == 0)
                {
                    Log.Info($"  {done}/{tenants.Count} small tenants imported");
                }
            }
        })).ToList();
        await Task.WhenAll(workers);
        return new ImportOutcome(options.SmallEntities, Stopwatch.GetElapsedTime(started), channels.Length);
    }

    private async Task StreamAsync(EntityService.EntityServiceClient client, string tenant, int from, int to, Func<int, Item> item)
    {
        using var call = client.ImportEntities();
        var first = true;
        for (var i = from; i < to; i += options.BatchSize)
        {
            var message = new ImportEntitiesRequest();
            if (first)
            {
                message.Parent = PlatformApi.TypeName(tenant);
                message.Mode = ImportMode.Create;
                first = false;
            }

            for (var j = i; j < Math.Min(to, i + options.BatchSize); j++)
            {
                message.Entities.Add(ItemData.ToEntity(item(j)));
            }

            await call.RequestStream.WriteAsync(message);
        }

        await call.RequestStream.CompleteAsync();
        var response = await call.ResponseAsync;
        if (response.CreatedCount != to - from || response.FailedCount != 0)
        {
            var errors = string.Join("; ", response.Errors.Take(5).Select(e => $"#{e.Index} {e.Field}: {e.Description}"));
            throw new RpcException(new Status(StatusCode.DataLoss,
                $"ImportEntities into {tenant}: sent {to - from}, created {response.CreatedCount}, failed {response.FailedCount} ({errors})"));
        }
    }
}
