using System.Collections.Concurrent;

namespace Platform.Infrastructure.Billing;

/// <summary>
/// Admitted API calls per tenant on this host since the last flush. Counting is one dictionary
/// lookup and one interlocked increment (no lock, no I/O); <see cref="ApiCallFlusher"/> takes the
/// counts with an atomic exchange, so a call counted concurrently lands in this flush or the next,
/// never in neither.
/// </summary>
public sealed class ApiCallMeter
{
    private readonly ConcurrentDictionary<string, Counter> _counts = new(StringComparer.Ordinal);

    public void Count(string tenantId) => Interlocked.Increment(ref _counts.GetOrAdd(tenantId, static _ => new Counter()).Value);

    /// <summary>Takes every non-zero count, leaving zeros behind.</summary>
    public List<(string TenantId, long Count)> Drain()
    {
        var drained = new List<(string, long)>();
        foreach (var (tenantId, counter) in _counts)
        {
            var count = Interlocked.Exchange(ref counter.Value, 0);
            if (count > 0)
            {
                drained.Add((tenantId, count));
            }
        }

        return drained;
    }

    /// <summary>Puts back counts whose flush failed, so the next flush carries them.</summary>
    public void Restore(IEnumerable<(string TenantId, long Count)> counts)
    {
        foreach (var (tenantId, count) in counts)
        {
            Interlocked.Add(ref _counts.GetOrAdd(tenantId, static _ => new Counter()).Value, count);
        }
    }

    private sealed class Counter
    {
        public long Value;
    }
}
