namespace Platform.Domain.Billing;

/// <summary>Where an event's time stands for recording: accepted, too far ahead, or in a closed period.</summary>
public enum UsageTiming
{
    Accepted,
    InFuture,
    PeriodClosed,
}

/// <summary>
/// The times usage may be recorded for. A client's clock may run a little ahead (<see cref="FutureSkew"/>);
/// late events are taken until <see cref="Grace"/> after the end of their billing period, after which
/// the period is considered invoiced and its usage final.
/// </summary>
public sealed record UsageWindow(TimeSpan FutureSkew, TimeSpan Grace)
{
    public static UsageWindow Default { get; } = new(TimeSpan.FromMinutes(5), TimeSpan.FromDays(3));

    public UsageTiming Check(DateTimeOffset eventTime, DateTimeOffset now, BillingCalendar calendar)
    {
        if (eventTime > now + FutureSkew)
        {
            return UsageTiming.InFuture;
        }

        return calendar.PeriodContaining(eventTime).End + Grace < now ? UsageTiming.PeriodClosed : UsageTiming.Accepted;
    }
}
