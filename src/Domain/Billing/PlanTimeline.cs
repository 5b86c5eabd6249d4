namespace Platform.Domain.Billing;

/// <summary>
/// The plans a subscription was on during one period, the immediate changes between them, and the
/// plan it continues on into the next period.
/// </summary>
/// <remarks>
/// Changes are taken in the order they were requested. An immediate change takes effect at once and
/// cancels a change scheduled for the period's end (the later request is the tenant's latest word);
/// among scheduled changes the last one wins. A change never alters the billing interval or
/// currency: that is a new subscription, not a plan change.
/// </remarks>
public sealed record PlanTimeline(IReadOnlyList<PlanSegment> Segments, IReadOnlyList<PlanChange> Immediate, PlanPrice Next)
{
    /// <summary>The plan in force when the period ends, before any change scheduled for that moment.</summary>
    public PlanPrice AtEnd => Segments[^1].Plan;

    /// <param name="atStart">The plan in force when the period (or the subscription, if later) started.</param>
    /// <param name="period">The period.</param>
    /// <param name="serviceFrom">The later of the period's start and the subscription's start.</param>
    /// <param name="changes">Changes requested inside the period, in time order.</param>
    public static PlanTimeline Build(PlanPrice atStart, BillingPeriod period, DateTimeOffset serviceFrom, IReadOnlyList<PlanChange> changes)
    {
        var segments = new List<PlanSegment>();
        var immediate = new List<PlanChange>();
        var current = atStart;
        var from = serviceFrom;
        PlanPrice? scheduled = null;
        foreach (var change in changes)
        {
            if (change.Timing == ChangeTiming.AtPeriodEnd)
            {
                scheduled = change.To;
                continue;
            }

            segments.Add(new PlanSegment(from, change.At, current));
            immediate.Add(change);
            current = change.To;
            from = change.At;
            scheduled = null;
        }

        segments.Add(new PlanSegment(from, period.End, current));
        return new PlanTimeline(segments, immediate, scheduled ?? current);
    }
}
