using System.Diagnostics;

namespace Platform.Bench.QuotaBench;

/// <summary>Decisions and their latencies over one round (several slices) of one target.</summary>
internal sealed class Sample
{
    private readonly List<long> _latencies = [];
    private TimeSpan _elapsed;

    public double PerSecond => _latencies.Count / _elapsed.TotalSeconds;

    public double P50Microseconds
    {
        get
        {
            var sorted = _latencies.Order().ToArray();
            return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2] * 1e6 / Stopwatch.Frequency;
        }
    }

    public void Add(TimeSpan elapsed, IEnumerable<List<long>> latencies)
    {
        _elapsed += elapsed;
        foreach (var list in latencies)
        {
            _latencies.AddRange(list);
        }
    }
}
