using Platform.Bench.EavBench;
using System.Diagnostics;
using System.Globalization;
using Platform.Bench.SearchBench;
using Platform.Search.V1;

// Run through bench/search.sh, which starts PostgreSQL and the platform host and passes every option.
Options options;
try
{
    options = Options.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(Options.Usage);
    return 2;
}

const int Seed = 20261124;
static void Info(string message) => Console.Error.WriteLine($"{DateTime.UtcNow:HH:mm:ss} {message}");
static string Ms(double v) => v.ToString("F1", CultureInfo.InvariantCulture);

Queries.Seed = Seed;
Queries.Documents = options.Documents;
using var api = new Api(options);
await api.SetUpAsync();
Info($"importing {options.Documents:N0} listings over {options.ImportStreams} stream(s)");
var imported = await api.ImportAsync(options.Documents, Seed);
Info($"  {options.Documents / imported.TotalSeconds:N0} listings/s ({imported.TotalSeconds:F0} s); waiting for the index (STRONG search)");
var search = new SearchService.SearchServiceClient(api.Calls());
var indexWait = Stopwatch.StartNew();
while (true)
{
    try
    {
        await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = Api.TypeName, Query = Corpus.English[0], Consistency = Consistency.Strong, PageSize = 1 });
        break;
    }
    catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.Unavailable && indexWait.Elapsed < TimeSpan.FromHours(2))
    {
        await Task.Delay(TimeSpan.FromSeconds(5));
    }
}

indexWait.Stop();
Info($"  indexed {indexWait.Elapsed.TotalSeconds:F0} s after the import ended; VACUUM (ANALYZE)");
await using (var db = Npgsql.NpgsqlDataSource.Create(options.PostgresConnection))
{
    foreach (var table in new[] { "entities", "search_documents", "search_vocabulary", "search_completions" })
    {
        await using var vacuum = db.CreateCommand($"VACUUM (ANALYZE) {table}");
        vacuum.CommandTimeout = 0;
        await vacuum.ExecuteNonQueryAsync();
    }
}

// Every query family must match something before anything is timed.
var checkClient = new SearchService.SearchServiceClient(api.Calls());
var matches = new double[Queries.Names.Length];
for (var q = 0; q < Queries.Names.Length; q++)
{
    var counts = new List<long>();
    for (var v = 0; v < 8; v++)
    {
        counts.Add(await Queries.CallAsync(checkClient, q, v));
    }

    if (counts.Any(c => c == 0))
    {
        throw new InvalidOperationException($"{Queries.Names[q]}: a variant matched nothing ({string.Join(", ", counts)})");
    }

    matches[q] = counts.Average();
}

var clients = Enumerable.Range(0, 4).Select(_ => new SearchService.SearchServiceClient(api.Calls())).ToList();
var results = new Dictionary<(int Query, int Clients), List<Percentiles>>();
for (var round = 1; round <= options.Rounds; round++)
{
    for (var q = 0; q < Queries.Names.Length; q++)
    {
        foreach (var n in new[] { 1, 4 })
        {
            var query = q;
            var calls = clients.Take(n).Select(c => (Func<int, Task>)(v => Queries.CallAsync(c, query, v))).ToList();
            var p = await ClosedLoop.RunAsync(calls, options.Iterations, options.Warmup, TimeSpan.FromSeconds(options.RunSeconds));
            (results.TryGetValue((q, n), out var list) ? list : results[(q, n)] = []).Add(p);
            Info($"  round {round} {Queries.Names[q],-28} {n} client(s): p50 {Ms(p.P50)} p95 {Ms(p.P95)} p99 {Ms(p.P99)} ms, {p.PerSecond:N0}/s");
        }
    }
}

Info($"write → searchable lag at {options.WritesPerSecond} writes/s for {options.LagSeconds} s");
var lag = await Lag.RunAsync(api, options.WritesPerSecond, TimeSpan.FromSeconds(options.LagSeconds), options.Documents, Seed + 1);

Console.WriteLine($"Search benchmark: {options.Documents:N0} listings in one tenant (PostgreSQL), medians of {options.Rounds} round(s), milliseconds over gRPC");
Console.WriteLine($"Load: ImportEntities {options.Documents / imported.TotalSeconds:N0} listings/s; index caught up {indexWait.Elapsed.TotalSeconds:F0} s after the import");
Console.WriteLine();
Console.WriteLine($"{"query",-30} {"avg matches",12} | {"1 client p50 / p95 / p99",28} | {"4 clients p50 / p95 / p99",28} | target");
for (var q = 0; q < Queries.Names.Length; q++)
{
    var one = Percentiles.Median(results[(q, 1)]);
    var four = Percentiles.Median(results[(q, 4)]);
    var target = q < 3 ? (one.P99 <= 50 ? "p99 ≤ 50 ms at 1 client: MET" : "p99 ≤ 50 ms at 1 client: MISSED") : "";
    Console.WriteLine($"{Queries.Names[q],-30} {matches[q],12:N0} | {Ms(one.P50),8} / {Ms(one.P95),7} / {Ms(one.P99),7} | {Ms(four.P50),8} / {Ms(four.P95),7} / {Ms(four.P99),7} | {target}");
}

Console.WriteLine();
Console.WriteLine($"Write → searchable lag: {lag.Writes:N0} writes at {lag.WritesPerSecond:N0}/s (asked {options.WritesPerSecond}/s), {lag.Probes} probes " +
    $"(poll every {Lag.PollInterval.TotalMilliseconds:F0} ms), never found {lag.NeverFound}: p50 {Ms(lag.Lag.P50)} p95 {Ms(lag.Lag.P95)} p99 {Ms(lag.Lag.P99)} ms " +
    $"— target p99 ≤ 1000 ms: {(lag.NeverFound == 0 && lag.Lag.P99 <= 1000 ? "MET" : "MISSED")}");
return 0;
