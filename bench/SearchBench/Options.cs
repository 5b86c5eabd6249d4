using System.Globalization;

namespace Platform.Bench.SearchBench;

/// <summary>Command-line options; bench/search.sh passes every one.</summary>
internal sealed record Options(string GrpcAddress, string OperatorKey, string PostgresConnection, int Documents, int Iterations, int Rounds,
    int Warmup, int RunSeconds, int ImportStreams, int Batch, int WritesPerSecond, int LagSeconds)
{
    public const string Usage =
        "SearchBench --grpc URL --operator-key KEY --pg CONNSTR [--documents N] [--iterations N] [--rounds N] [--warmup N] " +
        "[--run-seconds N] [--import-streams N] [--batch N] [--writes-per-second N] [--lag-seconds N]";

    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            values[args[i][2..]] = args[i + 1];
        }

        string Required(string name) => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required");
        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new Options(Required("grpc"), Required("operator-key"), Required("pg"), Int("documents", 1_000_000), Int("iterations", 300),
            Int("rounds", 3), Int("warmup", 30), Int("run-seconds", 60), Int("import-streams", 2), Int("batch", 500),
            Int("writes-per-second", 500), Int("lag-seconds", 20));
    }
}
