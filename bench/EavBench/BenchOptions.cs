using System.Globalization;

namespace Platform.Bench.EavBench;

/// <summary>Command line of the benchmark (bench/eav.sh passes every value explicitly).</summary>
internal sealed record BenchOptions(
    Uri GrpcAddress,
    string OperatorKey,
    string PostgresConnection,
    int Entities,
    int BigEntities,
    int Tenants,
    int Iterations,
    int Rounds,
    int Warmup,
    int ImportStreams,
    int SmallStreams,
    int BatchSize,
    bool SmallIndexed,
    int RunSeconds,
    string? PostgresLog)
{
    public const string Usage =
        "usage: EavBench --grpc http://127.0.0.1:PORT --operator-key tk_... --pg \"Host=...;Database=platform\"\n" +
        "         [--entities 1000000] [--big 500000] [--tenants 1000] [--iterations 300] [--rounds 3] [--warmup 50]\n" +
        "         [--import-streams 2] [--small-streams 4] [--batch 500] [--small-indexed]\n" +
        "         [--run-seconds 60] [--pg-log /path/to/postgres.log]";

    /// <summary>The big tenant's id; the others are <c>eav-t0001</c>, ….</summary>
    public const string BigTenant = "eav-big";

    public int SmallTenants => Tenants - 1;

    public int SmallEntities => Entities - BigEntities;

    public static BenchOptions Parse(string[] args)
    {
        string? Text(string name)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        int Int(string name, int fallback, int min)
        {
            var value = Text(name) is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : fallback;
            return value >= min ? value : throw new ArgumentException($"{name} must be at least {min} (got {value})");
        }

        var grpc = Text("--grpc") ?? throw new ArgumentException("--grpc is required");
        var options = new BenchOptions(
            new Uri(grpc),
            Text("--operator-key") ?? throw new ArgumentException("--operator-key is required"),
            Text("--pg") ?? throw new ArgumentException("--pg is required"),
            Int("--entities", 1_000_000, 2),
            Int("--big", 500_000, 1),
            Int("--tenants", 1_000, 2),
            Int("--iterations", 300, 10),
            Int("--rounds", 3, 1),
            Int("--warmup", 50, 0),
            Int("--import-streams", 2, 1),
            Int("--small-streams", 4, 1),
            Int("--batch", 500, 1),
            args.Contains("--small-indexed"),
            Int("--run-seconds", 60, 1),
            Text("--pg-log"));
        if (options.BigEntities >= options.Entities)
        {
            throw new ArgumentException($"--big ({options.BigEntities}) must be below --entities ({options.Entities}): the other tenants need entities too");
        }

        if (options.SmallEntities < options.SmallTenants)
        {
            throw new ArgumentException($"{options.SmallEntities} entities for {options.SmallTenants} other tenants: give each at least one");
        }

        return options;
    }
}
