using System.Globalization;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Quota;

namespace Platform.Application.Quota;

/// <summary>The shared shape and rules of AllocateQuota and ReleaseQuota.</summary>
internal static class CounterRequest
{
    public const long MaxAmount = 1_000_000_000;

    public static Error? Validate(string name, string metric, long amount, string? requestId)
    {
        var v = new Validation().Merge(QuotaNames.Quota(name).Error);
        if (!Metrics.IsValidId(metric))
        {
            v.Add("metric", "must match [a-z][a-z0-9_]{0,62}");
        }
        else if (!Metrics.IsCustom(metric))
        {
            v.Add("metric", $"{metric} is counted by the platform itself; only custom counters are allocated with this method");
        }

        v.Check(amount is >= 0 and <= MaxAmount, "amount", $"must be between 1 and {MaxAmount}");
        RequestIds.Check(v, requestId);
        return v.ToError();
    }

    public static long Amount(long requested) => requested == 0 ? 1 : requested;

    public static string Fingerprint(string metric, long amount) =>
        PageToken.Fingerprint(string.Create(CultureInfo.InvariantCulture, $"{metric}|{Amount(amount)}"));

    public static Error Undeclared(string planId, string metric) =>
        Error.Validation("metric", $"plans/{planId} declares no limit for '{metric}' and the tenant has no override for it");
}
