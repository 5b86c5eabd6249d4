using Platform.Domain.Common;
using Platform.Domain.Tenancy;

namespace Platform.Domain.Billing;

/// <summary>
/// Where a tenant's billing periods fall: they start at local midnight, in the tenant's time zone,
/// on the anchor day of every month (or of the anchor month every year).
/// </summary>
/// <remarks>
/// The month rule is the one the quota's monthly windows use (Infrastructure's CalendarWindows), so
/// a tenant's monthly quota and its billing month start at the same instant: an anchor past the end
/// of a month falls on that month's last day, and each boundary is computed from the anchor rather
/// than from the previous boundary, so an anchor of 31 gives Jan 31, Feb 28, Mar 31 and never drifts
/// to the 28th. Boundaries are local midnights converted to instants, so DST never moves them; it
/// only makes the periods that contain a change an hour shorter or longer.
/// </remarks>
public sealed class BillingCalendar
{
    private BillingCalendar(TimeZoneInfo zone, BillingInterval interval, int anchorDay, int anchorMonth)
    {
        Zone = zone;
        Interval = interval;
        AnchorDay = anchorDay;
        AnchorMonth = anchorMonth;
    }

    public TimeZoneInfo Zone { get; }

    public BillingInterval Interval { get; }

    public int AnchorDay { get; }

    /// <summary>The month yearly periods start in; monthly periods ignore it.</summary>
    public int AnchorMonth { get; }

    /// <summary>A calendar from a tenant's IANA zone and anchor day, validated with the tenant's own rules.</summary>
    public static Result<BillingCalendar> Create(string timeZoneId, BillingInterval interval, int anchorDay, int anchorMonth = 1)
    {
        var v = new Validation();
        TenantRules.TimeZone(v, timeZoneId, "time_zone");
        TenantRules.BillingAnchorDay(v, anchorDay, "billing_anchor_day");
        v.Check(Enum.IsDefined(interval), "interval", "must be MONTH or YEAR")
         .Check(anchorMonth is >= 1 and <= 12, "anchor_month", "must be a month from 1 to 12");
        if (v.ToError() is { } error)
        {
            return error;
        }

        return new BillingCalendar(TimeZoneInfo.FindSystemTimeZoneById(timeZoneId), interval, anchorDay, anchorMonth);
    }

    /// <summary>
    /// The calendar of a subscription that starts at <paramref name="start"/>: anchored on the
    /// tenant's anchor day if it has one, else on the local day the subscription starts; yearly
    /// periods recur in the month it starts.
    /// </summary>
    public static Result<BillingCalendar> ForSubscription(string timeZoneId, BillingInterval interval, DateTimeOffset start, int? anchorDay = null)
    {
        if (!Create(timeZoneId, interval, anchorDay ?? 1).TryGetValue(out var probe, out var error))
        {
            return error;
        }

        var local = TimeZoneInfo.ConvertTime(start, probe.Zone);
        return Create(timeZoneId, interval, anchorDay ?? local.Day, local.Month);
    }

    /// <summary>The period that contains <paramref name="instant"/>.</summary>
    public BillingPeriod PeriodContaining(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone);
        var month = new DateTime(local.Year, Interval == BillingInterval.Year ? AnchorMonth : local.Month, 1);
        if (StartIn(month) > instant)
        {
            month = month.AddMonths(-(int)Interval);
        }

        return new BillingPeriod(StartIn(month), StartIn(month.AddMonths((int)Interval)));
    }

    public BillingPeriod Next(BillingPeriod period) => PeriodContaining(period.End);

    /// <summary>
    /// The period boundary <paramref name="months"/> calendar months after the one at
    /// <paramref name="boundary"/> (used for commitment terms: 12 or 36 months after their first period).
    /// </summary>
    public DateTimeOffset BoundaryAfter(DateTimeOffset boundary, int months)
    {
        var start = PeriodContaining(boundary).Start;
        var local = TimeZoneInfo.ConvertTime(start, Zone);
        return StartIn(new DateTime(local.Year, local.Month, 1).AddMonths(months));
    }

    // Local midnight of the anchor day in the month of firstOfMonth, clamped to the month's last day.
    private DateTimeOffset StartIn(DateTime firstOfMonth)
    {
        var day = Math.Min(AnchorDay, DateTime.DaysInMonth(firstOfMonth.Year, firstOfMonth.Month));
        var midnight = new DateTime(firstOfMonth.Year, firstOfMonth.Month, day, 0, 0, 0, DateTimeKind.Unspecified);

        // Where DST starts at midnight (America/Havana, Asia/Beirut) the day begins at the first local
        // time that exists; a midnight that occurs twice takes the standard-time offset. Both as the
        // quota's month windows do.
        while (Zone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(15);
        }

        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }
}
