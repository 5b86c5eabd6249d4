namespace Platform.Bench.EavBench;

/// <summary>p50 / p95 / p99 in milliseconds (nearest rank), and the calls per second over the run.</summary>
internal readonly record struct Percentiles(double P50, double P95, double P99, double PerSecond, int Count)
{
    public static Percentiles Of(List<double> milliseconds, TimeSpan elapsed)
    {
        milliseconds.Sort();
        return new Percentiles(Rank(milliseconds, 0.50), Rank(milliseconds, 0.95), Rank(milliseconds, 0.99),
            milliseconds.Count / elapsed.TotalSeconds, milliseconds.Count);
    }

    /// <summary>The median of each figure over rounds.</summary>
    public static Percentiles Median(IReadOnlyList<Percentiles> rounds) => new(
        Mid(rounds.Select(r => r.P50)), Mid(rounds.Select(r => r.P95)), Mid(rounds.Select(r => r.P99)),
        Mid(rounds.Select(r => r.PerSecond)), rounds.Sum(r => r.Count));

    private static double Rank(List<double> sorted, double q) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static double Mid(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
