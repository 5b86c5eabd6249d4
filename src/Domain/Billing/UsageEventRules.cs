using System.Globalization;
using Platform.Domain.Common;
using Platform.Domain.Quota;

namespace Platform.Domain.Billing;

/// <summary>What a reported usage event must look like, checked field by field.</summary>
public static class UsageEventRules
{
    public const int MaxBatch = 1000;
    public const int MaxKeyLength = 128;
    public const int MaxProperties = 16;
    public const int MaxPropertyValueLength = 256;

    /// <summary>Decimal places a quantity may have: enough for fractions of a cent-priced unit, far inside decimal's precision.</summary>
    public const int MaxScale = 9;

    /// <summary>
    /// Metrics the platform meters itself. A client-reported event for them is refused: it would be
    /// counted on top of the platform's own count, and a tenant could inflate or pad what it is billed for.
    /// </summary>
    public static readonly IReadOnlySet<string> PlatformMetered = new HashSet<string>(StringComparer.Ordinal)
    {
        BillableMetrics.ApiCalls, BillableMetrics.StorageGbMonths,
    };

    /// <summary>The event, or null with the violations added under <paramref name="field"/> (e.g. <c>events[3]</c>).</summary>
    public static UsageEvent? Check(Validation v, string field, string? metric, string? quantity, DateTimeOffset? eventTime, string? key,
        IReadOnlyDictionary<string, string> properties)
    {
        var before = v.Violations.Count;
        if (!Metrics.IsValidId(metric))
        {
            v.Add($"{field}.metric", "must match [a-z][a-z0-9_]{0,62}");
        }
        else if (PlatformMetered.Contains(metric!))
        {
            v.Add($"{field}.metric", $"{metric} is metered by the platform and cannot be reported");
        }

        var parsed = Quantity(v, quantity, $"{field}.quantity");
        v.Check(eventTime is not null, $"{field}.event_time", "is required");
        v.Check(key is { Length: > 0 and <= MaxKeyLength } && key.All(c => c is > ' ' and <= '~'), $"{field}.idempotency_key",
            $"must be 1 to {MaxKeyLength} printable ASCII characters without spaces");
        v.Check(properties.Count <= MaxProperties, $"{field}.properties", $"at most {MaxProperties} properties");
        foreach (var (name, value) in properties)
        {
            v.Check(Metrics.IsValidId(name), $"{field}.properties", $"key '{Shorten(name)}' must match [a-z][a-z0-9_]{{0,62}}");
            v.Check(value.Length <= MaxPropertyValueLength, $"{field}.properties[{name}]", $"at most {MaxPropertyValueLength} characters");
        }

        if (v.Violations.Count > before)
        {
            return null;
        }

        // Kept to the microsecond: the store's resolution, so a redelivery hashes the same.
        var micros = eventTime!.Value.UtcTicks / 10 * 10;
        return new UsageEvent(metric!, parsed, new DateTimeOffset(micros, TimeSpan.Zero), key!,
            new Dictionary<string, string>(properties, StringComparer.Ordinal));
    }

    /// <summary>A plain decimal (digits and one optional point; no sign, exponent or grouping).</summary>
    public static decimal Quantity(Validation v, string? text, string field)
    {
        if (string.IsNullOrEmpty(text) || text.Length > 40 || text[0] == '.' || text[^1] == '.' || text.Count(c => c == '.') > 1 ||
            !text.All(c => c is >= '0' and <= '9' or '.') ||
            !decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            v.Add(field, "must be a decimal number such as 3 or 0.25");
            return 0m;
        }

        var point = text.IndexOf('.');
        var scale = point < 0 ? 0 : text.Length - point - 1;
        v.Check(scale <= MaxScale, field, $"at most {MaxScale} decimal places");
        PriceRules.Quantity(v, value, field);
        return value;
    }

    private static string Shorten(string s) => s.Length <= 64 ? s : s[..64];
}
