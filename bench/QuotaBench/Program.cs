using System.Globalization;
using Platform.Bench.QuotaBench;
using StackExchange.Redis;

// Usage: QuotaBench <redis host:port> [--seconds 5] [--concurrency 64] [--rounds 3] [--warmup 3]
if (args.Length == 0 || args[0].StartsWith('-'))
{
    Console.Error.WriteLine("usage: QuotaBench <redis host:port> [--seconds 5] [--concurrency 64] [--rounds 3] [--warmup 3]");
    return 2;
}

var endpoint = args[0];
var seconds = Option("--seconds", 5);
var concurrency = Option("--concurrency", 64);
var rounds = Option("--rounds", 3);
var warmup = Option("--warmup", 3);

await using var connection = await ConnectionMultiplexer.ConnectAsync(endpoint);
using var targets = new Targets(connection, concurrency);
await targets.PrepareAsync();

var rows = new (string Name, Func<int, ValueTask> Operation)[]
{
    ("(1) raw EVALSHA, bare client (ceiling)", targets.RawScript),
    ("(2) RedisRateLimiter.AcquireAsync", targets.RedisLimiter),
    ("    FailOpenRateLimiter (production path)", targets.FailOpenLimiter),
    ("(3) InProcessRateLimiter", targets.InProcessLimiter),
};

Console.WriteLine($"QuotaBench: Redis {endpoint}, concurrency {concurrency}, {rounds} rounds x {seconds} s per target (median), 4 rules per decision, 16 tenants per worker");
foreach (var (_, operation) in rows)
{
    await LoadRunner.RunAsync(concurrency, TimeSpan.FromSeconds(warmup), operation, new Sample());
}

// Targets take turns in one-second slices, so that load from elsewhere on the 2 cores (and drift)
// hits all of them alike; each round adds up its slices, and the median round is reported.
var samples = rows.Select(_ => new List<Sample>()).ToArray();
for (var round = 0; round < rounds; round++)
{
    var roundSamples = rows.Select(_ => new Sample()).ToArray();
    for (var slice = 0; slice < seconds; slice++)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            await LoadRunner.RunAsync(concurrency, TimeSpan.FromSeconds(1), rows[i].Operation, roundSamples[i]);
        }
    }

    for (var i = 0; i < rows.Length; i++)
    {
        samples[i].Add(roundSamples[i]);
    }
}

Console.WriteLine($"{"",-44}{"decisions/s",14}{"p50 µs",10}");
var medians = samples.Select(s => (PerSecond: Median(s.Select(x => x.PerSecond)), P50: Median(s.Select(x => x.P50Microseconds)))).ToArray();
for (var i = 0; i < rows.Length; i++)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows[i].Name,-44}{medians[i].PerSecond,14:N0}{medians[i].P50,10:N1}"));
}

var ratio = medians[1].PerSecond / medians[0].PerSecond;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio (2)/(1): {ratio:F2}  target >= 0.80: {(ratio >= 0.8 ? "PASS" : "FAIL")}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio fail-open/(1): {medians[2].PerSecond / medians[0].PerSecond:F2}"));
Console.WriteLine($"fail-open decisions that fell back (timeout {new Platform.Infrastructure.RateLimiting.RateLimitingOptions().TimeoutMs} ms), warm-up included: {targets.DegradedDecisions}");
return 0;

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted[sorted.Length / 2];
}
