using System.Diagnostics;
using Platform.Bench.EavBench;

namespace Platform.Bench.SearchBench;

/// <summary>
/// N clients at once, each calling back to back (closed loop) over its own variants after an
/// unmeasured warm-up; a run stops after the given calls per client or the time budget (with at
/// least 20 calls per client). A failed call stops the benchmark.
/// </summary>
internal static class ClosedLoop
{
    public static async Task<Percentiles> RunAsync(IReadOnlyList<Func<int, Task>> clients, int calls, int warmup, TimeSpan budget)
    {
        await Task.WhenAll(clients.Select((call, c) => Task.Run(async () =>
        {
            for (var i = 0; i < warmup; i++)
            {
                await call(1_000_000 + (c * warmup) + i);
            }
        })));
        var latencies = clients.Select(_ => new List<double>(calls)).ToArray();
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(budget.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(clients.Select((call, c) => Task.Run(async () =>
        {
            for (var i = 0; i < calls && (i < 20 || Stopwatch.GetTimestamp() < deadline); i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                await call((c * calls) + i);
                latencies[c].Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }
        })));
        return Percentiles.Of([.. latencies.SelectMany(l => l)], Stopwatch.GetElapsedTime(started));
    }
}
