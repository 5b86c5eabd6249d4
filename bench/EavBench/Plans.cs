using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;

namespace Platform.Bench.EavBench;

/// <summary>
/// The query plans behind the figures, for the list queries' first variant: EXPLAIN (ANALYZE,
/// BUFFERS) of the native statement, and for the platform the plan of the very statement its
/// handler sent, captured with auto_explain (loaded only into the connections of a separate
/// handler host made for this, so the measured connections are untouched) from the server log.
/// </summary>
internal static partial class Plans
{
    private const string AutoExplain = "-c session_preload_libraries=auto_explain -c auto_explain.log_min_duration=0 " +
        "-c auto_explain.log_analyze=on -c auto_explain.log_buffers=on";

    public static async Task<string> CaptureAsync(BenchOptions options, string postgresLog, NativeBaseline native, Workload workload, string tenant)
    {
        var connection = new NpgsqlConnectionStringBuilder(options.PostgresConnection) { Options = AutoExplain, ApplicationName = "eavbench-plans" };
        await using var explained = new HandlerHost(connection.ConnectionString, tenant);
        await using var client = explained.Client();
        var variants = workload.First(8).ToList();
        var s = new StringBuilder();
        foreach (var op in new[] { Operation.Q1, Operation.Q2, Operation.Q3 })
        {
            // Every checked variant once: its statement time and the scan it used show how steady the
            // plan is across arguments; the whole plan of the first one follows.
            var eavPlans = new List<string>();
            var nativePlans = new List<string>();
            foreach (var v in variants)
            {
                var from = new FileInfo(postgresLog).Length;
                await client.RunAsync(op, v, CancellationToken.None);
                await Task.Delay(100);
                eavPlans.Add(EntitiesPlan(ReadFrom(postgresLog, from)) ?? "(no plan of a statement on entities found in the server log)");
                nativePlans.Add(await native.ExplainAsync(op, v));
            }

            s.AppendLine(CultureInfo.InvariantCulture, $"{op}, statement time and scan per variant (EAV: auto_explain of the handler's statement; native: EXPLAIN ANALYZE):");
            for (var i = 0; i < variants.Count; i++)
            {
                s.AppendLine(CultureInfo.InvariantCulture, $"  {Workload.Filter(op, variants[i])}");
                s.AppendLine(CultureInfo.InvariantCulture, $"    EAV    {Summary(eavPlans[i])}");
                s.AppendLine(CultureInfo.InvariantCulture, $"    native {Summary(nativePlans[i])}");
            }

            s.AppendLine(CultureInfo.InvariantCulture, $"  first variant, EAV plan:");
            s.AppendLine(Indent(eavPlans[0]));
            s.AppendLine("  first variant, native plan:");
            s.AppendLine(Indent(nativePlans[0]));
        }

        return s.ToString();
    }

    private static string ReadFrom(string path, long offset)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The last auto_explain entry whose statement reads the entities table (the list query; not the type load).</summary>
    private static string? EntitiesPlan(string log)
    {
        string? found = null;
        foreach (var entry in EntryStart().Split(log))
        {
            if (entry.Contains("plan:", StringComparison.Ordinal) && entry.Contains("FROM entities ", StringComparison.Ordinal))
            {
                found = entry;
            }
        }

        if (found is null)
        {
            return null;
        }

        var lines = found.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).ToList();
        var duration = DurationOf().Match(lines[0]);
        var body = lines.Skip(1).Select(l => l.StartsWith('\t') ? l[1..] : l);
        return (duration.Success ? $"(statement {duration.Value})\n" : "") + string.Join('\n', body);
    }

    /// <summary>"12.345 ms  Index Scan Backward using … on …" from a plan (auto_explain's duration or EXPLAIN's execution time).</summary>
    private static string Summary(string plan)
    {
        var time = DurationOf().Match(plan) is { Success: true } d ? d.Groups[1].Value
            : ExecutionTime().Match(plan) is { Success: true } e ? e.Groups[1].Value : "?";
        var scans = plan.Split('\n').Select(l => ScanNode().Match(l)).Where(m => m.Success).Select(m => m.Value.Trim());
        return $"{time,9} ms  {string.Join(" + ", scans)}";
    }

    private static string Indent(string text) => string.Join('\n', text.Split('\n').Select(l => "    " + l));

    // Log lines start with the time stamp; continuation lines with a tab.
    [GeneratedRegex(@"(?m)^(?=\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})")]
    private static partial Regex EntryStart();

    [GeneratedRegex(@"duration: ([0-9.]+) ms")]
    private static partial Regex DurationOf();

    [GeneratedRegex(@"Execution Time: ([0-9.]+) ms")]
    private static partial Regex ExecutionTime();

    [GeneratedRegex(@"(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan)( Backward)?( using \S+)? on \S+")]
    private static partial Regex ScanNode();
}
