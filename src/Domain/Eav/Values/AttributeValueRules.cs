namespace Platform.Domain.Eav.Values;

/// <summary>
/// Turns a value into the canonical form of an attribute — NFC text, normalized decimals, UTC
/// microsecond timestamps — and checks the attribute's constraints. Each failure is one message,
/// so an entity gets one violation per bad attribute.
/// </summary>
public static class AttributeValueRules
{
    /// <summary>Keeps every STRING, even in a composite index, inside PostgreSQL's B-tree row limit.</summary>
    public const int MaxStringLength = 256;

    public const int MaxTextLength = 65_536;

    public const int MaxListItems = 100;

    /// <summary>The canonical value, or null with <paramref name="problem"/> set.</summary>
    public static AttributeValue? Canonicalize(AttributeDefinition attribute, AttributeValue value, out string problem)
    {
        if (!attribute.Repeated)
        {
            return value is ListValue ? Fail($"must be a single {attribute.Type.WireName()} value, not a list", out problem) : Scalar(attribute, value, out problem);
        }

        if (value is not ListValue list)
        {
            return Fail($"must be a list of {attribute.Type.WireName()} values", out problem);
        }

        if (list.Items.Count > MaxListItems)
        {
            return Fail($"must have at most {MaxListItems} items", out problem);
        }

        var items = new List<AttributeValue>(list.Items.Count);
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (Scalar(attribute, list.Items[i], out problem) is not { } item)
            {
                problem = $"item {i} {problem}";
                return null;
            }

            items.Add(item);
        }

        problem = "";
        return new ListValue(items);
    }

    /// <summary>
    /// The canonical representation for <paramref name="type"/>, without the attribute's
    /// constraints: what a filter literal is turned into.
    /// </summary>
    public static AttributeValue? Represent(AttributeType type, AttributeValue value, out string problem)
    {
        problem = "";
        switch (type, value)
        {
            case (_, TextValue t) when type.IsTextual():
                return Text(type, t.Value, out problem);
            case (AttributeType.Int64, Int64Value):
            case (AttributeType.Bool, BoolValue):
            case (AttributeType.Date, DateValue):
                return value;
            case (AttributeType.Decimal, DecimalValue d):
                return DecimalText.IsWithinLimits(d.Value)
                    ? new DecimalValue(DecimalText.Normalize(d.Value))
                    : Fail($"must have at most {DecimalText.MaxDigits} significant digits and be below 10^28 in magnitude", out problem);
            case (AttributeType.Decimal, Int64Value i):
                return new DecimalValue(i.Value);
            case (AttributeType.Timestamp, TimestampValue t):
                return TemporalText.Canonical(t.Value) is { } utc
                    ? new TimestampValue(utc)
                    : Fail("must be a point in time with a known offset (UTC)", out problem);
            case (AttributeType.GeoPoint, GeoPointValue g):
                return Geo(g, out problem);
            default:
                return Fail($"must be a {type.WireName()} value", out problem);
        }
    }

    /// <summary>Why a canonical scalar breaks the attribute's constraints, or null.</summary>
    public static string? Violation(AttributeDefinition attribute, AttributeValue canonical)
    {
        var c = attribute.Constraints;
        var compare = AttributeValueComparer.Instance;
        if (c.Min is not null && compare.Compare(canonical, c.Min) < 0)
        {
            return $"must be at least {AttributeValueText.Format(c.Min)}";
        }

        if (c.Max is not null && compare.Compare(canonical, c.Max) > 0)
        {
            return $"must be at most {AttributeValueText.Format(c.Max)}";
        }

        if (canonical is not TextValue { Value: var text })
        {
            return null;
        }

        if (c.MaxLength is { } max && TextRules.Length(text) > max)
        {
            return $"must be at most {max} characters";
        }

        if (c.Pattern is { } pattern && !AttributePatterns.Matches(pattern, text))
        {
            return $"must match the pattern {pattern}";
        }

        return attribute.Type == AttributeType.Enum && !c.EnumValues.Contains(text, StringComparer.Ordinal)
            ? $"'{text}' is not a declared value ({Listing(c.EnumValues)})"
            : null;
    }

    private static AttributeValue? Scalar(AttributeDefinition attribute, AttributeValue value, out string problem)
    {
        if (Represent(attribute.Type, value, out problem) is not { } canonical)
        {
            return null;
        }

        return Violation(attribute, canonical) is { } violation ? Fail(violation, out problem) : canonical;
    }

    private static AttributeValue? Text(AttributeType type, string raw, out string problem)
    {
        if (TextRules.Normalize(raw, multiline: type == AttributeType.Text, out problem) is not { } text)
        {
            return null;
        }

        var cap = type == AttributeType.Text ? MaxTextLength : MaxStringLength;
        if (TextRules.Length(text) > cap)
        {
            return Fail($"must be at most {cap} characters", out problem);
        }

        return type switch
        {
            AttributeType.Enum when text.Length == 0 => Fail("must be one of the declared values", out problem),
            AttributeType.Reference when !EntityIds.IsValid(text) => Fail($"must be the id of an entity: {EntityIds.Rule}", out problem),
            _ => new TextValue(text),
        };
    }

    private static AttributeValue? Geo(GeoPointValue g, out string problem)
    {
        problem = "";
        if (!double.IsFinite(g.Latitude) || g.Latitude is < -90 or > 90)
        {
            return Fail("latitude must be between -90 and 90", out problem);
        }

        if (!double.IsFinite(g.Longitude) || g.Longitude is < -180 or > 180)
        {
            return Fail("longitude must be between -180 and 180", out problem);
        }

        // -0.0 and 0.0 are the same place; one spelling keeps the stored JSON canonical.
        return new GeoPointValue(g.Latitude + 0.0, g.Longitude + 0.0);
    }

    private static string Listing(IReadOnlyList<string> values) =>
        values.Count <= 10 ? string.Join(", ", values) : string.Join(", ", values.Take(10)) + $", … {values.Count - 10} more";

    private static AttributeValue? Fail(string message, out string problem)
    {
        problem = message;
        return null;
    }
}
