using Platform.Bench.EavBench;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using Platform.Eav.V1;
using Platform.Search.V1;

namespace Platform.Bench.SearchBench;

/// <summary>What the lag run measured.</summary>
internal sealed record LagOutcome(Percentiles Lag, double WritesPerSecond, int Writes, int Probes, int NeverFound);

/// <summary>
/// Write → searchable lag under load: writers create listings at a fixed overall rate (open loop:
/// each write has its time slot, a late writer does not wait), and every <see cref="ProbeEvery"/>th
/// write carries a unique word in its title; from the moment CreateEntity returns, a prober searches
/// for that word (EVENTUAL, no typo matching) every <see cref="PollInterval"/> until the entity is a
/// hit. The lag is that time (so it has the poll interval as its resolution).
/// </summary>
internal static class Lag
{
    public const int ProbeEvery = 100;
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan GiveUp = TimeSpan.FromSeconds(30);
    private const int Writers = 8;

    public static async Task<LagOutcome> RunAsync(Api api, int rate, TimeSpan duration, int firstIndex, int seed)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var lags = new ConcurrentBag<double>();
        var probes = new ConcurrentBag<Task>();
        var missing = 0;
        var search = new SearchService.SearchServiceClient(api.Calls());
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            var entities = new EntityService.EntityServiceClient(api.Calls());
            for (var n = w; n < total; n += Writers)
            {
                var slot = started + (long)(n / (double)rate * Stopwatch.Frequency);
                var wait = slot - Stopwatch.GetTimestamp();
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds(wait / (double)Stopwatch.Frequency));
                }

                var entity = Corpus.Generate(seed, firstIndex + n);
                var probe = n % ProbeEvery == 0 ? Token(n) : null;
                if (probe is not null)
                {
                    entity.Attributes.Fields["title"] = Value.ForString($"{probe} {entity.Attributes.Fields["title"].StringValue}");
                }

                await entities.CreateEntityAsync(new CreateEntityRequest { Parent = Api.TypeName, EntityId = entity.Name, Entity = entity });
                if (probe is not null)
                {
                    var acknowledged = Stopwatch.GetTimestamp();
                    probes.Add(Task.Run(async () =>
                    {
                        while (Stopwatch.GetElapsedTime(acknowledged) < GiveUp)
                        {
                            var found = await search.SearchEntitiesAsync(new SearchEntitiesRequest
                            {
                                Parent = Api.TypeName, Query = probe, Fuzziness = Fuzziness.Off, PageSize = 1,
                            });
                            if (found.TotalSize > 0)
                            {
                                lags.Add(Stopwatch.GetElapsedTime(acknowledged).TotalMilliseconds);
                                return;
                            }

                            await Task.Delay(PollInterval);
                        }

                        Interlocked.Increment(ref missing);
                    }));
                }
            }
        })));
        var writing = Stopwatch.GetElapsedTime(started);
        await Task.WhenAll(probes);
        return new LagOutcome(Percentiles.Of([.. lags], writing), total / writing.TotalSeconds, total, probes.Count, missing);
    }

    /// <summary>A word no generated text contains: "zq" and the number in consonants, which no stemmer rule touches.</summary>
    private static string Token(int n)
    {
        const string Letters = "bcdfghjklmnpqrtvwxz";
        var s = new StringBuilder("zq");
        do
        {
            s.Append(Letters[n % Letters.Length]);
            n /= Letters.Length;
        }
        while (n > 0);
        return s.ToString();
    }
}
