using System.Globalization;
using Npgsql;
using Platform.Bench.EavBench;
using Platform.Eav.V1;

// Run through bench/eav.sh, which starts PostgreSQL and the platform host and passes every option.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

const int Seed = 20260101;
var results = new Results();
var big = BenchOptions.BigTenant;
var small = Enumerable.Range(1, options.SmallTenants).Select(i => string.Create(CultureInfo.InvariantCulture, $"eav-t{i:D4}")).ToList();
var indexedTenants = options.SmallIndexed ? [big, .. small] : new List<string> { big };

using var api = new PlatformApi(options);
await using var db = NpgsqlDataSource.Create(options.PostgresConnection);

// ---------------------------------------------------------------- set-up through the public API
Log.Info($"set-up: plan, {options.Tenants} tenants, keys, '{ItemData.TypeId}' types ({(options.SmallIndexed ? "all indexed" : "only the big tenant's indexed")})");
await api.SetUpAsync([big, .. small], t => t == big || options.SmallIndexed);
var built = await api.WaitForIndexesAsync(indexedTenants, TimeSpan.FromMinutes(30));
Log.Info($"indexes of the empty types READY after {built.TotalSeconds:F1} s");

// ---------------------------------------------------------------- load
var importer = new Importer(api, options);
Log.Info($"importing {options.BigEntities:N0} entities into {big} over {options.ImportStreams} stream(s)");
results.BigImport = await importer.ImportBigAsync(big, Seed);
Log.Info($"  {results.BigImport.PerSecond:N0} entities/s ({results.BigImport.Elapsed.TotalSeconds:F1} s)");
Log.Info($"importing {options.SmallEntities:N0} entities into {small.Count} other tenants, {options.SmallStreams} at a time");
results.SmallImport = await importer.ImportSmallAsync(small, Seed + 1);
Log.Info($"  {results.SmallImport.PerSecond:N0} entities/s ({results.SmallImport.Elapsed.TotalSeconds:F1} s)");

var settled = await api.WaitForIndexesAsync(indexedTenants, TimeSpan.FromMinutes(30));
await CheckBigTypeAsync();
Log.Info($"indexes READY {settled.TotalSeconds:F1} s after the load; VACUUM (ANALYZE) entities");
var analyzed = await VacuumAnalyzeAsync("entities");
var entityRows = await ScalarAsync<long>("SELECT count(*) FROM entities");
if (entityRows != options.Entities)
{
    throw new InvalidOperationException($"entities holds {entityRows} rows, expected {options.Entities}");
}

// ---------------------------------------------------------------- native baseline
var native = new NativeBaseline(db, big);
Log.Info($"native baseline: copying {big}'s rows into {NativeBaseline.Table}, indexing, analyzing");
var nativeBuilt = await native.BuildAsync(options.BigEntities);
await VacuumAnalyzeAsync(NativeBaseline.Table);
var workload = new Workload(options.BigEntities, Seed + 2);
foreach (var op in new[] { Operation.Q1, Operation.Q2, Operation.Q3 })
{
    results.Matches[op] = await native.AverageMatchesAsync(op, workload.First(8));
}

results.Setup.Add(FormattableString.Invariant(
    $"PostgreSQL {await ScalarAsync<string>("SHOW server_version")} (shared_buffers {await ScalarAsync<string>("SHOW shared_buffers")}, fsync off); entities table {await ScalarAsync<string>("SELECT pg_size_pretty(pg_total_relation_size('entities'))")} with its indexes, {NativeBaseline.Table} {await ScalarAsync<string>($"SELECT pg_size_pretty(pg_total_relation_size('{NativeBaseline.Table}'))")}"));
results.Setup.Add(FormattableString.Invariant(
    $"Indexes: the item type's 7 single-attribute + 1 composite (query hint) partial indexes{(options.SmallIndexed ? " in every tenant" : " (the other tenants' item types have no indexed attribute)")}; native: the same 8 over real columns"));
results.Setup.Add(FormattableString.Invariant(
    $"Set-up: VACUUM (ANALYZE) entities {analyzed.TotalSeconds:F1} s; native copy + indexes + ANALYZE {nativeBuilt.TotalSeconds:F1} s"));

// ---------------------------------------------------------------- targets
await using var handlers = new HandlerHost(options.PostgresConnection, big);
var nativeClients = new List<ITarget>();
for (var c = 0; c < 4; c++)
{
    nativeClients.Add(await native.ClientAsync());
}

var handlerClients = Enumerable.Range(0, 4).Select(_ => handlers.Client()).ToList();
var grpcClients = Enumerable.Range(0, 4).Select(_ => (ITarget)new GrpcTarget(api.Channel(), api.Keys[big], big)).ToList();
var (nativeClient, handlerClient) = (nativeClients[0], handlerClients[0]);

// Time inside PostgreSQL, from its log, through connections of their own that log every statement.
var sqlLog = options.PostgresLog is { } logPath ? new SqlLog(logPath) : null;
var logged = new NpgsqlConnectionStringBuilder(options.PostgresConnection) { Options = SqlLog.SessionOptions, ApplicationName = SqlLog.ApplicationName };
await using var loggedDb = NpgsqlDataSource.Create(logged.ConnectionString);
await using var loggedHandlers = new HandlerHost(logged.ConnectionString, big);
var loggedTargets = sqlLog is null ? [] : new Dictionary<Row, LoggedTarget>
{
    [Row.NativeSql] = new(await native.ClientAsync(loggedDb), sqlLog),
    [Row.EavSql] = new(loggedHandlers.Client(), sqlLog),
};

// Same answers from all three before any timing (and before any update changes qty).
foreach (var op in new[] { Operation.Q1, Operation.Q2, Operation.Q3, Operation.Get })
{
    var empty = 0;
    foreach (var v in workload.First(8))
    {
        var expected = await nativeClient.RunAsync(op, v, CancellationToken.None);
        var fromHandler = await handlerClient.RunAsync(op, v, CancellationToken.None);
        var fromGrpc = await grpcClients[0].RunAsync(op, v, CancellationToken.None);
        empty += expected.Count == 0 ? 1 : 0;
        if (!expected.SequenceEqual(fromHandler) || !expected.SequenceEqual(fromGrpc))
        {
            results.Problems.Add(FormattableString.Invariant(
                $"{op} {v}: native [{string.Join(",", expected.Take(5))}…] ({expected.Count}), handler [{string.Join(",", fromHandler.Take(5))}…] ({fromHandler.Count}), gRPC [{string.Join(",", fromGrpc.Take(5))}…] ({fromGrpc.Count})"));
        }
    }

    if (empty > 0)
    {
        results.Problems.Add(FormattableString.Invariant($"{op}: {empty} of the 8 checked variants matched nothing (data too small for the query?)"));
    }
}

Log.Info($"cross-check done ({results.Problems.Count} problem(s)); measuring {options.Rounds} round(s)");

// ---------------------------------------------------------------- rounds
(Row Row, IReadOnlyList<ITarget> Clients)[] rows =
[
    (Row.Native1, [nativeClient]),
    (Row.Handler1, [handlerClient]),
    (Row.Grpc1, [grpcClients[0]]),
    (Row.Native4, nativeClients),
    (Row.Handler4, handlerClients),
    (Row.Grpc4, grpcClients),
    .. loggedTargets.Select(t => (t.Key, (IReadOnlyList<ITarget>)[t.Value])),
];
for (var round = 1; round <= options.Rounds; round++)
{
    foreach (var op in Workload.Operations)
    {
        // Rows take turns in a different order every round, so drift does not always hit the same one.
        var order = round % 2 == 1 ? rows : rows.Reverse().ToArray();
        foreach (var (row, clients) in order)
        {
            var p = await LatencyRunner.RunAsync(clients, op, workload, options.Iterations, options.Warmup, TimeSpan.FromSeconds(options.RunSeconds));
            if (loggedTargets.TryGetValue(row, out var loggedTarget))
            {
                // The server's figures for the measured calls (the last ones), instead of the client's.
                p = Percentiles.Of(loggedTarget.Milliseconds[^p.Count..], TimeSpan.FromSeconds(p.Count / p.PerSecond));
                loggedTarget.Milliseconds.Clear();
            }

            results.Add(op, row, p);
            Log.Info($"  round {round} {op,-6} {row,-8} p50 {p.P50:F2} p95 {p.P95:F2} p99 {p.P99:F2} ms, {p.PerSecond:N0}/s, {p.Count} calls");
        }
    }
}

foreach (var client in nativeClients.Concat(loggedTargets.Values))
{
    await client.DisposeAsync();
}

if (options.PostgresLog is { } postgresLog)
{
    Log.Info($"capturing the plans of the list queries");
    results.Plans = await Plans.CaptureAsync(options, postgresLog, native, workload, big);
}

Console.Write(Report.Render(options, results));
return 0;

async Task<T> ScalarAsync<T>(string sql)
{
    await using var command = db.CreateCommand(sql);
    return (T)(await command.ExecuteScalarAsync())!;
}

async Task<TimeSpan> VacuumAnalyzeAsync(string table)
{
    var started = System.Diagnostics.Stopwatch.GetTimestamp();
    await using var command = db.CreateCommand($"VACUUM (ANALYZE) {table}");
    command.CommandTimeout = 0;
    await command.ExecuteNonQueryAsync();
    return System.Diagnostics.Stopwatch.GetElapsedTime(started);
}

// The big tenant's type must report every indexed attribute READY (body, TEXT, needs none).
async Task CheckBigTypeAsync()
{
    var client = new EntityTypeService.EntityTypeServiceClient(PlatformApi.As(api.Channel(), api.Keys[big]));
    var type = await client.GetEntityTypeAsync(new GetEntityTypeRequest { Name = PlatformApi.TypeName(big) });
    var notReady = type.Attributes.Where(a => a.Key != "body" && a.IndexState != IndexState.Ready).Select(a => $"{a.Key}={a.IndexState}").ToList();
    if (notReady.Count > 0)
    {
        throw new InvalidOperationException($"{type.Name}: indexes not READY: {string.Join(", ", notReady)}");
    }
}
