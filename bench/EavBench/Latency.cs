using System.Diagnostics;

namespace Platform.Bench.EavBench;

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
/// Runs one operation on N clients at once, each making its calls back to back (closed loop) over
/// its own sequence of variants, after an unmeasured warm-up of the same kind of calls. A run stops
/// after <c>callsPerClient</c> calls per client or once <c>budget</c> has passed (with at least
/// <see cref="MinCalls"/> calls per client), whichever comes first, so that a query the platform
/// answers in a second cannot stretch a run to hours; the warm-up gets a sixth of the budget. A
/// failed call stops the benchmark: figures that silently include errors would be worthless.
/// </summary>
internal static class LatencyRunner
{
    public const int MinCalls = 20;

    public static async Task<Percentiles> RunAsync(IReadOnlyList<ITarget> clients, Operation op, Workload workload, int callsPerClient, int warmup, TimeSpan budget)
    {
        if (warmup > 0)
        {
            var warmDeadline = Stopwatch.GetTimestamp() + (long)(budget.TotalSeconds / 6 * Stopwatch.Frequency);
            await Task.WhenAll(clients.Select((target, c) => Task.Run(async () =>
            {
                for (var i = 0; i < warmup && (i < 3 || Stopwatch.GetTimestamp() < warmDeadline); i++)
                {
                    await target.RunAsync(op, workload.For(c + clients.Count, i), CancellationToken.None);
                }
            })));
        }

        var latencies = clients.Select(_ => new List<double>(callsPerClient)).ToArray();
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(budget.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(clients.Select((target, c) => Task.Run(async () =>
        {
            var mine = latencies[c];
            for (var i = 0; i < callsPerClient && (i < MinCalls || Stopwatch.GetTimestamp() < deadline); i++)
            {
                var variant = workload.For(c, i);
                var t0 = Stopwatch.GetTimestamp();
                await target.RunAsync(op, variant, CancellationToken.None);
                mine.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
            }
        })));
        var elapsed = Stopwatch.GetElapsedTime(started);
        return Percentiles.Of([.. latencies.SelectMany(l => l)], elapsed);
    }
}
