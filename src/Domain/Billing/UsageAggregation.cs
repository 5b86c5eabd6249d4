namespace Platform.Domain.Billing;

/// <summary>How a metric's events over a period become one billed quantity.</summary>
public enum UsageAggregation
{
    /// <summary>The quantities added up (api_calls, tokens, sms).</summary>
    Sum = 1,

    /// <summary>The largest quantity reported (peak seats).</summary>
    Max = 2,

    /// <summary>How many distinct values of one event property were seen (active users).</summary>
    UniqueCount = 3,

    /// <summary>The quantity of the latest event by event time (seats at period end).</summary>
    Latest = 4,
}
