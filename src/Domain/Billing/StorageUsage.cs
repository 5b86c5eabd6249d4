namespace Platform.Domain.Billing;

/// <summary>
/// <c>storage_gb_months</c> for one period: storage integrated over time, to the second.
/// </summary>
/// <remarks>
/// A "month" here is the billing month the period belongs to, whatever its length: 1 GB held for all
/// of February is 1 GB-month, as is 1 GB held for all of March, so the same storage costs the same
/// every month. A yearly period is twelve months of its twelfth part.
/// </remarks>
public static class StorageUsage
{
    /// <param name="period">The period being billed.</param>
    /// <param name="interval">Its interval, to know how many billing months it holds.</param>
    /// <param name="bytesAtStart">Storage in use when the period starts.</param>
    /// <param name="samples">Later levels in time order; samples outside the period are clamped to it.</param>
    public static decimal GbMonths(BillingPeriod period, BillingInterval interval, long bytesAtStart, IReadOnlyList<StorageSample> samples)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytesAtStart);
        var byteSeconds = 0m;
        var level = bytesAtStart;
        var since = 0L;
        foreach (var sample in samples)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(sample.Bytes);
            var at = period.SecondsInto(sample.At);
            if (at < since)
            {
                throw new ArgumentException("Storage samples must be in time order.", nameof(samples));
            }

            byteSeconds += (decimal)level * (at - since);
            level = sample.Bytes;
            since = at;
        }

        byteSeconds += (decimal)level * (period.Seconds - since);
        var secondsPerMonth = (decimal)period.Seconds / (int)interval;
        return byteSeconds / BillableMetrics.BytesPerGb / secondsPerMonth;
    }
}
