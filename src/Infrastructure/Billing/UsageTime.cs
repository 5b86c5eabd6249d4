namespace Platform.Infrastructure.Billing;

/// <summary>Usage-store times: microseconds since the Unix epoch, exact and ordered the same on both databases.</summary>
internal static class UsageTime
{
    public static long ToMicros(DateTimeOffset time) => (time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;

    public static DateTimeOffset FromMicros(long micros) => new(DateTimeOffset.UnixEpoch.UtcTicks + (micros * 10), TimeSpan.Zero);
}
