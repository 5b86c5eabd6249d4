using System.Globalization;
using System.Text;

namespace Platform.Bench.EavBench;

/// <summary>The rows measured for each operation, in report order.</summary>
internal enum Row
{
    Native1,
    Handler1,
    Grpc1,
    Native4,
    Handler4,
    Grpc4,
    NativeSql,
    EavSql,
}

/// <summary>Everything the report prints.</summary>
internal sealed class Results
{
    public Dictionary<(Operation Op, Row Row), List<Percentiles>> Rounds { get; } = [];
    public ImportOutcome? BigImport { get; set; }
    public ImportOutcome? SmallImport { get; set; }
    public Dictionary<Operation, double> Matches { get; } = [];
    public List<string> Problems { get; } = [];
    public List<string> Setup { get; } = [];
    public string? Plans { get; set; }

    public void Add(Operation op, Row row, Percentiles p)
    {
        if (!Rounds.TryGetValue((op, row), out var list))
        {
            Rounds[(op, row)] = list = [];
        }

        list.Add(p);
    }

    public Percentiles Median(Operation op, Row row) => Percentiles.Median(Rounds[(op, row)]);
}

/// <summary>Prints the tables, the ratios and the three targets with MET / MISSED.</summary>
internal static class Report
{
    public const double Q1RatioTarget = 1.3;
    public const double Q1GrpcP99TargetMs = 10;
    public const double ImportTarget = 10_000;

    public static string RowName(Row row) => row switch
    {
        Row.Native1 => "native table (Npgsql, prepared), 1 client",
        Row.Handler1 => "EAV handler (in-process), 1 client",
        Row.Grpc1 => "EAV gRPC end to end, 1 client",
        Row.Native4 => "native table, 4 clients",
        Row.Handler4 => "EAV handler, 4 clients",
        Row.Grpc4 => "EAV gRPC end to end, 4 clients",
        Row.NativeSql => "in PostgreSQL: native statement, 1 client",
        Row.EavSql => "in PostgreSQL: EAV handler's statements",
        _ => throw new ArgumentOutOfRangeException(nameof(row)),
    };

    public static string Render(BenchOptions o, Results r)
    {
        var s = new StringBuilder();
        void Line(FormattableString text) => s.AppendLine(FormattableString.Invariant(text));

        Line($"");
        Line($"== EAV benchmark: {o.Entities:N0} entities in {o.Tenants:N0} tenants; big tenant {BenchOptions.BigTenant} with {o.BigEntities:N0} '{ItemData.TypeId}' entities ==");
        foreach (var line in r.Setup)
        {
            Line($"{line}");
        }

        Line($"{o.Rounds} round(s); per row and round up to {o.Iterations} calls per client (at least {LatencyRunner.MinCalls}, until {o.RunSeconds} s) after up to {o.Warmup} warm-up calls;");
        Line($"latencies in milliseconds, medians over rounds; n = calls measured over all rounds");
        foreach (var op in Workload.Operations)
        {
            Line($"");
            var matches = r.Matches.TryGetValue(op, out var m) ? FormattableString.Invariant($"; matches ~{m:N0} entities, page {Workload.PageSize}") : "";
            Line($"{Workload.Describe(op)}{matches}");
            Line($"  {"",-46}{"p50",9}{"p95",9}{"p99",9}{"calls/s",10}{"n",7}   p99 per round");
            foreach (var row in Enum.GetValues<Row>())
            {
                if (!r.Rounds.ContainsKey((op, row)))
                {
                    continue;
                }

                var p = r.Median(op, row);
                var perRound = string.Join(" ", r.Rounds[(op, row)].Select(x => x.P99.ToString("F2", CultureInfo.InvariantCulture)));
                Line($"  {RowName(row),-46}{p.P50,9:F2}{p.P95,9:F2}{p.P99,9:F2}{p.PerSecond,10:N0}{p.Count,7}   {perRound}");
            }

            foreach (var (native, handler, grpc, clients) in new[] { (Row.Native1, Row.Handler1, Row.Grpc1, 1), (Row.Native4, Row.Handler4, Row.Grpc4, 4) })
            {
                if (r.Rounds.ContainsKey((op, native)) && r.Rounds.ContainsKey((op, handler)) && r.Rounds.ContainsKey((op, grpc)))
                {
                    var n = r.Median(op, native);
                    var h = r.Median(op, handler);
                    var g = r.Median(op, grpc);
                    Line($"  {clients} client(s): EAV handler / native p50 {h.P50 / n.P50:F2}x, p99 {h.P99 / n.P99:F2}x;  gRPC / native p50 {g.P50 / n.P50:F2}x, p99 {g.P99 / n.P99:F2}x");
                }
            }

            if (r.Rounds.ContainsKey((op, Row.NativeSql)) && r.Rounds.ContainsKey((op, Row.EavSql)))
            {
                var n = r.Median(op, Row.NativeSql);
                var e = r.Median(op, Row.EavSql);
                Line($"  in PostgreSQL: EAV / native p50 {e.P50 / n.P50:F2}x, p99 {e.P99 / n.P99:F2}x");
            }
        }

        Line($"");
        Line($"Import (ImportEntities client streaming, {o.BatchSize} entities per message, mode CREATE):");
        if (r.BigImport is { } big)
        {
            Line($"  big tenant:    {big.Entities,10:N0} entities in {big.Elapsed.TotalSeconds,7:F1} s over {big.Streams} stream(s): {big.PerSecond,8:N0} entities/s");
        }

        if (r.SmallImport is { } small)
        {
            Line($"  other tenants: {small.Entities,10:N0} entities in {small.Elapsed.TotalSeconds,7:F1} s, {o.SmallStreams} tenant stream(s) at a time: {small.PerSecond,8:N0} entities/s");
        }

        Line($"");
        if (r.Rounds.ContainsKey((Operation.Q1, Row.Native1)) && r.Rounds.ContainsKey((Operation.Q1, Row.Handler1)) && r.Rounds.ContainsKey((Operation.Q1, Row.Grpc1)))
        {
            var native = r.Median(Operation.Q1, Row.Native1);
            var handler = r.Median(Operation.Q1, Row.Handler1);
            var grpc = r.Median(Operation.Q1, Row.Grpc1);
            var ratio = handler.P99 / native.P99;
            Line($"Target: Q1 p99, EAV handler / native <= {Q1RatioTarget:F1}x: {Verdict(ratio <= Q1RatioTarget)} ({ratio:F2}x: {handler.P99:F2} vs {native.P99:F2} ms)");
            Line($"Target: Q1 p99 end to end over gRPC, 1 client <= {Q1GrpcP99TargetMs:F0} ms: {Verdict(grpc.P99 <= Q1GrpcP99TargetMs)} ({grpc.P99:F2} ms)");
            if (r.Rounds.ContainsKey((Operation.Q1, Row.NativeSql)) && r.Rounds.ContainsKey((Operation.Q1, Row.EavSql)))
            {
                var n = r.Median(Operation.Q1, Row.NativeSql);
                var e = r.Median(Operation.Q1, Row.EavSql);
                Line($"  (for reference, not a target: Q1 p99 time in PostgreSQL, EAV / native {e.P99 / n.P99:F2}x: {e.P99:F3} vs {n.P99:F3} ms)");
            }
        }

        if (r.BigImport is { } b)
        {
            Line($"Target: import >= {ImportTarget:N0} entities/s (big tenant): {Verdict(b.PerSecond >= ImportTarget)} ({b.PerSecond:N0}/s)");
        }

        Line($"");
        if (r.Problems.Count == 0)
        {
            Line($"Correctness: for the first variants of Q1, Q2, Q3 and Get, the native table, the handler and gRPC returned the same ids in the same order; every import stream created all it sent; every gRPC update came back with the new qty.");
        }
        else
        {
            Line($"Correctness problems ({r.Problems.Count}):");
            foreach (var problem in r.Problems)
            {
                Line($"  - {problem}");
            }
        }

        if (r.Plans is { } plans)
        {
            Line($"");
            Line($"Plans of the list queries, as run once after the rounds (the cross-checked variants):");
            s.Append(plans);
        }

        return s.ToString();
    }

    private static string Verdict(bool met) => met ? "MET" : "MISSED";
}
