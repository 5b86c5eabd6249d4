using System.Diagnostics;

namespace Platform.Bench.EavBench;

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
