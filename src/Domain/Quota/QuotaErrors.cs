using System.Globalization;
using Platform.Domain.Common;

namespace Platform.Domain.Quota;

/// <summary>The two ways a call can run out of quota, as errors clients can act on.</summary>
public static class QuotaErrors
{
    public static Error RateLimited(string subject, string metric, string limitId, long limit, TimeSpan retryAfter)
    {
        var seconds = Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds));
        var description = $"Rate limit {limitId} ({limit.ToString(CultureInfo.InvariantCulture)}) is used up; retry in {seconds.ToString(CultureInfo.InvariantCulture)} s.";
        return Error.Custom(ErrorKind.ResourceExhausted, ErrorReasons.RateLimited, description,
            metadata: Metadata(limitId, limit)) with
        {
            Quota = new QuotaViolation(subject, metric, limitId, limit, description),
            RetryAfter = retryAfter,
        };
    }

    public static Error Exceeded(string subject, string metric, long limit, long used, long requested)
    {
        var description = $"Quota {metric} allows {limit.ToString(CultureInfo.InvariantCulture)}; {used.ToString(CultureInfo.InvariantCulture)} in use, {requested.ToString(CultureInfo.InvariantCulture)} more requested.";
        return Error.Custom(ErrorKind.ResourceExhausted, ErrorReasons.QuotaExceeded, description, metadata: Metadata(metric, limit)) with
        {
            Quota = new QuotaViolation(subject, metric, metric, limit, description),
        };
    }

    private static Dictionary<string, string> Metadata(string limitId, long limit) => new()
    {
        ["limit_id"] = limitId,
        ["limit"] = limit.ToString(CultureInfo.InvariantCulture),
    };
}
