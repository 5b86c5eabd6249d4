namespace Platform.Domain.Billing;

/// <summary>
/// The half-open interval [<see cref="Start"/>, <see cref="End"/>) that one base fee pays for. The
/// boundaries keep the tenant's local offset, so a period spanning a DST change visibly starts and
/// ends on different offsets; its length is the real elapsed time, not a nominal number of days.
/// </summary>
public sealed record BillingPeriod
{
    public BillingPeriod(DateTimeOffset start, DateTimeOffset end)
    {
        if (end <= start)
        {
            throw new ArgumentException($"A billing period must end after it starts ({start:O} .. {end:O}).", nameof(end));
        }

        Start = start;
        End = end;
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    /// <summary>Whole seconds between the boundaries; the unit of every proration.</summary>
    public long Seconds => SecondsInto(End);

    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    /// <summary>
    /// Whole seconds from <see cref="Start"/> to <paramref name="instant"/>, clamped to the period.
    /// Sub-second parts are dropped, so a change at 10:00:00.7 counts from 10:00:00.
    /// </summary>
    public long SecondsInto(DateTimeOffset instant)
    {
        var ticks = Math.Clamp(instant.UtcTicks, Start.UtcTicks, End.UtcTicks) - Start.UtcTicks;
        return ticks / TimeSpan.TicksPerSecond;
    }

    public override string ToString() => $"[{Start:O}, {End:O})";
}
