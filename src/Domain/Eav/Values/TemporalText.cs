using System.Globalization;
using System.Text.RegularExpressions;
using Platform.Domain.Common;

namespace Platform.Domain.Eav.Values;

/// <summary>
/// Canonical text for dates and timestamps. Both are fixed width (years 0001–9999, always six
/// fractional digits), so comparing the text compares the instants — which is how both storage
/// providers compare and index them (see docs/adr/0006-eav-value-encoding.md).
/// </summary>
public static partial class TemporalText
{
    private const string TimestampFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'";
    private const string DateFormat = "yyyy'-'MM'-'dd";

    public static string FormatTimestamp(DateTime utc) => utc.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public static string FormatDate(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>
    /// Parses RFC 3339 (an offset is required) into canonical UTC. Digits beyond microseconds are
    /// dropped, as PostgreSQL would.
    /// </summary>
    public static bool TryParseTimestamp(string? text, out DateTime utc)
    {
        utc = default;
        var match = text is { Length: <= 40 } ? Rfc3339().Match(text) : Match.Empty;
        if (!match.Success)
        {
            return false;
        }

        var fraction = match.Groups["f"].Value;
        var offset = match.Groups["z"].Value.ToUpperInvariant();
        var normalized = $"{match.Groups["d"].Value}T{match.Groups["t"].Value}{(fraction.Length > 7 ? fraction[..7] : fraction)}{offset}";
        if (!DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return false;
        }

        utc = Clock.Truncate(parsed.UtcDateTime);
        return true;
    }

    public static bool TryParseDate(string? text, out DateOnly date)
    {
        date = default;
        return text is { Length: 10 } && DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>Canonical UTC, or null for a time whose zone is unknown (Unspecified kind).</summary>
    public static DateTime? Canonical(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => Clock.Truncate(time),
        DateTimeKind.Local => Clock.Truncate(time.ToUniversalTime()),
        _ => null,
    };

    [GeneratedRegex(@"^(?<d>\d{4}-\d{2}-\d{2})[Tt](?<t>\d{2}:\d{2}:\d{2})(?<f>\.\d{1,9})?(?<z>[Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
