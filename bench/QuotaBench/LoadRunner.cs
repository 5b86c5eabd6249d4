using System.Diagnostics;

namespace Platform.Bench.QuotaBench;

/// <summary>Runs one operation on N concurrent workers for a fixed time, adding what it measured to a sample.</summary>
internal static class LoadRunner
{
    public static async Task RunAsync(int concurrency, TimeSpan duration, Func<int, ValueTask> operation, Sample sample)
    {
        // Each worker checks the deadline itself: synchronous operations (the in-process limiter) never
        // yield, so a stop signal from a timer could be starved of threads.
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<long>[concurrency];
        var workers = new Task[concurrency];
        for (var w = 0; w < concurrency; w++)
        {
            var worker = w;
            latencies[w] = new List<long>(16 * 1024);
            workers[w] = Task.Run(async () =>
            {
                var mine = latencies[worker];
                for (var t0 = Stopwatch.GetTimestamp(); t0 < deadline; t0 = Stopwatch.GetTimestamp())
                {
                    await operation(worker);
                    mine.Add(Stopwatch.GetTimestamp() - t0);
                }
            });
        }

        await Task.WhenAll(workers);
        sample.Add(Stopwatch.GetElapsedTime(start), latencies);
    }
}
