using System.Globalization;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;

namespace Platform.Eav.Tests.Data;

/// <summary>
/// Small pools of values per type, so random rows collide (ties, equal values) and random
/// literals hit stored values; each pool holds the edge cases that break naive encodings
/// (doubles, collations, UTF-16 order, fixed-width text).
/// </summary>
public static class ValuePools
{
    public static readonly string[] Strings =
    [
        "", "a", "A", "ab", "a b", "Z0", "z", "é", "e\u0301x", "日本", "😀", "\uE000", "\uFFFD", "%_", "quote\"'", "back\\slash", "a-b", "ab-",
    ];

    public static readonly string[] TextBodies =
    [
        "the quick brown fox", "Quick\nbrown", "lazy dog 🐕", "café crème", "", "xyz",
    ];

    public static readonly long[] Int64s = [-5, -1, 0, 1, 2, 3, 42, long.MinValue, long.MaxValue, 9_007_199_254_740_993, -9_007_199_254_740_993];

    public static readonly string[] Decimals =
    [
        "0", "0.1", "0.3", "-0.3", "1", "1.5", "1.000000000000000000000000001", "0.9999999999999999999999999999", "100", "-100",
        "12345678901234567890.12345678", "-12345678901234567890.12345678", "9999999999999999999999999999", "-9999999999999999999999999999",
        "0.0000000000000000000000000001", "-0.0000000000000000000000000001", "1e20", "-1.25",
    ];

    public static readonly string[] Dates = ["0001-01-01", "1999-12-31", "2026-01-31", "2026-02-01", "9999-12-31"];

    public static readonly string[] Timestamps =
    [
        "0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00.000001Z", "2026-01-01T00:00:01Z",
        "2026-06-30T23:59:59.999999Z", "9999-12-31T23:59:59.999999Z",
    ];

    public static readonly string[] References = ["p-1", "p-2", "0abc", "z"];

    /// <summary>Text written for each type, as a filter literal would spell it (unquoted).</summary>
    public static string[] Texts(AttributeType type) => type switch
    {
        AttributeType.String => Strings,
        AttributeType.Text => TextBodies,
        AttributeType.Int64 => Int64s.Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray(),
        AttributeType.Decimal => Decimals,
        AttributeType.Bool => ["true", "false"],
        AttributeType.Date => Dates,
        AttributeType.Timestamp => Timestamps,
        AttributeType.Enum => ItemType.Colors,
        AttributeType.Reference => References,
        _ => [],
    };

    public static AttributeValue Scalar(AttributeType type, Random random)
    {
        if (type == AttributeType.GeoPoint)
        {
            return new GeoPointValue(Math.Round((random.NextDouble() * 180) - 90, 6), Math.Round((random.NextDouble() * 360) - 180, 6));
        }

        var pool = Texts(type);
        var text = pool[random.Next(pool.Length)];
        return type.IsTextual() ? new TextValue(text) : AttributeValueText.Parse(type, text)!;
    }
}
