using System.Diagnostics;

namespace Platform.Bench.SearchBench;

/// <summary>p50 / p95 / p99 in milliseconds (nearest rank), and the calls per second over the run.</summary>
internal readonly record struct Percentiles(double P50, double P95, double P99, double PerSecond, int Count)
{
    public static Percentiles Of(List<double> milliseconds, TimeSpan elapsed)
    {
        milliseconds.Sort();
        return new Percentiles(Rank(milliseconds, 0.50), Rank(milliseconds, 0.95), Rank(milliseconds, 0.99),
            milliseconds.Count / elapsed.TotalSeconds, milliseconds.Count);
    }

    /// <summary>The median of each figure over rounds.</summary>
    public static Percentiles Median(IReadOnlyList<Percentiles> rounds) => new(
        Mid(rounds.Select(r => r.P50)), Mid(rounds.Select(r => r.P95)), Mid(rounds.Select(r => r.P99)),
        Mid(rounds.Select(r => r.PerSecond)), rounds.Sum(r => r.Count));

    private static double Rank(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static double Mid(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

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
