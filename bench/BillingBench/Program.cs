using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Npgsql;
using Platform.Access.V1;
using Platform.Billing.V1;
using Platform.Bench.BillingBench;
using Platform.Quota.V1;
using Platform.Tenancy.V1;

// Usage: BillingBench <host dll> <PostgreSQL server connection string>
// Env: BENCH_ROUNDS (5), BENCH_BATCHES (200 per client per round), BENCH_CLIENTS (4), BENCH_BATCH_SIZE (100)
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: BillingBench <Platform.GrpcHost.dll> <postgres connection string>");
    return 2;
}

var rounds = Env("BENCH_ROUNDS", 5);
var batches = Env("BENCH_BATCHES", 200);
var clients = Env("BENCH_CLIENTS", 4);
var size = Env("BENCH_BATCH_SIZE", 100);
var database = $"billing_bench_{Guid.NewGuid():N}";
var server = args[1];
await Sql(server, $"CREATE DATABASE {database}");
var cs = new NpgsqlConnectionStringBuilder(server) { Database = database, MaxPoolSize = 50 }.ConnectionString;
var operatorKey = Platform.Domain.Access.ApiKeySecret.Generate();
try
{
    await using var host = new HostProcess(args[0], new Dictionary<string, string>
    {
        ["Platform:Storage:Provider"] = "Postgres",
        ["ConnectionStrings:Platform"] = cs,
        ["Platform:Bootstrap:OperatorKey"] = operatorKey,
        ["Logging:LogLevel:Default"] = "Warning",
    });
    await host.StartAsync();
    var raw = new RawCeiling(cs);
    await raw.CreateTableAsync();

    using var channel = GrpcChannel.ForAddress(host.Address);
    var secret = await SetUpTenantAsync(channel, operatorKey);
    var usage = new UsageService.UsageServiceClient(channel);
    var auth = new Metadata { { "authorization", $"Bearer {secret}" } };

    // Warm-up of both paths (JIT, pools, prepared statements), not measured.
    await raw.RunAsync("warm", 20, size);
    await Grpc("warm", 20);

    var rawRates = new List<double>();
    var grpcRates = new List<double>();
    for (var r = 0; r < rounds; r++)
    {
        // Interleaved, so drift on a shared machine hits both alike.
        rawRates.Add(await Rate(c => raw.RunAsync($"r{r}-c{c}", batches, size)));
        grpcRates.Add(await Rate(c => Grpc($"r{r}-c{c}", batches)));
        Console.WriteLine($"round {r + 1}: raw {rawRates[^1]:N0} events/s, gRPC {grpcRates[^1]:N0} events/s, ratio {grpcRates[^1] / rawRates[^1]:0.00}");
    }

    var rawMedian = Median(rawRates);
    var grpcMedian = Median(grpcRates);
    var ratio = grpcMedian / rawMedian;
    Console.WriteLine();
    Console.WriteLine($"{clients} clients x {batches} transactions of {size} events per round, {rounds} rounds, medians:");
    Console.WriteLine($"  raw Npgsql INSERT ... ON CONFLICT DO NOTHING : {rawMedian,10:N0} events/s");
    Console.WriteLine($"  RecordUsageEvents over gRPC                 : {grpcMedian,10:N0} events/s");
    Console.WriteLine($"  ratio {ratio:0.00} (target >= 0.70): {(ratio >= 0.7 ? "met" : "NOT met")}");
    return 0;

    async Task Grpc(string prefix, int count)
    {
        var at = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow);
        for (var b = 0; b < count; b++)
        {
            var request = new RecordUsageEventsRequest { Parent = "tenants/bench" };
            for (var i = 0; i < size; i++)
            {
                request.Events.Add(new UsageEvent { Metric = "tokens", Quantity = "1", EventTime = at, IdempotencyKey = $"{prefix}-{b}-{i}" });
            }

            var response = await usage.RecordUsageEventsAsync(request, auth);
            if (response.AcceptedCount != size)
            {
                throw new InvalidOperationException($"Batch {prefix}-{b} accepted {response.AcceptedCount} of {size}.");
            }
        }
    }

    async Task<double> Rate(Func<int, Task> client)
    {
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() => client(c))));
        return (double)clients * batches * size / watch.Elapsed.TotalSeconds;
    }
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await Sql(server, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
}

static async Task<string> SetUpTenantAsync(GrpcChannel channel, string operatorKey)
{
    var op = new Metadata { { "authorization", $"Bearer {operatorKey}" } };
    // A plan without rate limits: the bench measures recording, not the limiter refusing calls.
    await new PlanService.PlanServiceClient(channel).CreatePlanAsync(new CreatePlanRequest
    {
        PlanId = "bench", Plan = new Plan { DisplayName = "bench", Limits = { new Limit { Metric = "api_calls", Window = LimitWindow.Second, Unlimited = true } } },
    }, op);
    await new TenantService.TenantServiceClient(channel).CreateTenantAsync(new CreateTenantRequest
    {
        TenantId = "bench", Tenant = new Tenant { DisplayName = "bench", Plan = "plans/bench" },
    }, op);
    var key = await new AccessService.AccessServiceClient(channel).CreateApiKeyAsync(new CreateApiKeyRequest
    {
        Parent = "tenants/bench", ApiKey = new ApiKey { DisplayName = "bench", Roles = { "admin" } },
    }, op);
    return key.Secret;
}

static async Task Sql(string connectionString, string sql)
{
    await using var conn = new NpgsqlConnection(connectionString);
    await conn.OpenAsync();
    await using var cmd = new NpgsqlCommand(sql, conn);
    await cmd.ExecuteNonQueryAsync();
}

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

static int Env(string name, int fallback) =>
    int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
