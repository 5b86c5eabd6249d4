using System.Text.RegularExpressions;
using Platform.Domain.Common;
using Platform.Domain.Eav.Values;

namespace Platform.Domain.Eav;

/// <summary>
/// The rules for one attribute definition, reported under the definition's API path. A valid
/// definition comes back canonical (min, max and default in canonical form).
/// </summary>
public static partial class AttributeDefinitionRules
{
    public const int MaxDisplayNameLength = 200;
    public const int MaxDescriptionLength = 1000;
    public const int MaxEnumValues = 500;

    public static AttributeDefinition? Check(Validation v, AttributeDefinition a, string field)
    {
        var before = v.Violations.Count;
        v.Check(AttributeKeys.IsValid(a.Key), $"{field}.key", AttributeKeys.Rule);
        if (!Enum.IsDefined(a.Type))
        {
            v.Add($"{field}.type", "must be one of STRING, TEXT, INT64, DECIMAL, BOOL, DATE, TIMESTAMP, ENUM, REFERENCE, GEO_POINT");
            return null;
        }

        var type = a.Type.WireName();
        v.Check(!a.Hidden, $"{field}.hidden", "is output only; leave an attribute out of the type to hide it")
         .Check(!a.Repeated || a.Type.CanBeRepeated(), $"{field}.repeated", $"{type} attributes cannot be repeated")
         .Check(!a.Filterable || a.Type.CanBeFiltered(), $"{field}.filterable", "GEO_POINT attributes are queried through search, not filters")
         .Check(!a.Sortable || (a.Type.CanBeSorted() && !a.Repeated), $"{field}.sortable", $"{(a.Repeated ? "repeated" : type)} attributes cannot be sortable")
         .Check(!a.Unique || (a.Type.CanBeUnique() && !a.Repeated), $"{field}.unique", $"{(a.Repeated ? "repeated" : type)} attributes cannot be unique")
         .Check(!a.Searchable || a.Type.CanBeSearched(), $"{field}.searchable", "only STRING, TEXT and ENUM attributes can be searchable")
         .Check(a.DisplayName.Length <= MaxDisplayNameLength, $"{field}.display_name", $"must be at most {MaxDisplayNameLength} characters")
         .Check(a.Description.Length <= MaxDescriptionLength, $"{field}.description", $"must be at most {MaxDescriptionLength} characters");

        var constraints = Constraints(v, a.Type, a.Constraints, $"{field}.constraints");
        if (v.Violations.Count > before || constraints is null)
        {
            return null;
        }

        var canonical = a with { Constraints = constraints };
        if (a.Default is null)
        {
            return canonical;
        }

        if (!a.Type.CanHaveDefault())
        {
            v.Add($"{field}.default", "REFERENCE attributes cannot have a default");
            return null;
        }

        var value = AttributeValueRules.Canonicalize(canonical, a.Default, out var problem);
        v.Check(value is not null, $"{field}.default", problem);
        return value is null ? null : canonical with { Default = value };
    }

    private static AttributeConstraints? Constraints(Validation v, AttributeType type, AttributeConstraints c, string field)
    {
        var before = v.Violations.Count;
        var min = Bound(v, type, c.Min, $"{field}.min");
        var max = Bound(v, type, c.Max, $"{field}.max");
        if (min is not null && max is not null && AttributeValueComparer.Instance.Compare(min, max) > 0)
        {
            v.Add($"{field}.max", "must not be below min");
        }

        var cap = type == AttributeType.Text ? AttributeValueRules.MaxTextLength : AttributeValueRules.MaxStringLength;
        v.Check(c.MaxLength is null || type.HasLength(), $"{field}.max_length", "only STRING and TEXT attributes take max_length")
         .Check(c.MaxLength is null || !type.HasLength() || c.MaxLength is >= 1 && c.MaxLength <= cap, $"{field}.max_length", $"must be between 1 and {cap}")
         .Check(c.Pattern is null || type.HasLength(), $"{field}.pattern", "only STRING and TEXT attributes take a pattern");
        if (c.Pattern is not null && type.HasLength() && AttributePatterns.Check(c.Pattern) is { } bad)
        {
            v.Add($"{field}.pattern", bad);
        }

        EnumValues(v, type, c.EnumValues, $"{field}.enum_values");
        v.Check(type == AttributeType.Reference ? ResourceIds.IsValid(c.ReferenceTypeId) : c.ReferenceTypeId is null,
            $"{field}.reference_type_id",
            type == AttributeType.Reference ? "must name an entity type id of this tenant" : "only REFERENCE attributes take a reference type");
        return v.Violations.Count > before ? null : c with { Min = min, Max = max };
    }

    private static AttributeValue? Bound(Validation v, AttributeType type, AttributeValue? bound, string field)
    {
        if (bound is null)
        {
            return null;
        }

        if (!type.HasRange())
        {
            v.Add(field, "only INT64, DECIMAL, DATE and TIMESTAMP attributes take min and max");
            return null;
        }

        var canonical = AttributeValueRules.Represent(type, bound, out var problem);
        v.Check(canonical is not null, field, problem);
        return canonical;
    }

    private static void EnumValues(Validation v, AttributeType type, IReadOnlyList<string> values, string field)
    {
        if (type != AttributeType.Enum)
        {
            v.Check(values.Count == 0, field, "only ENUM attributes take enum values");
            return;
        }

        v.Check(values.Count is >= 1 and <= MaxEnumValues, field, $"an ENUM needs 1 to {MaxEnumValues} values");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            v.Check(EnumValue().IsMatch(values[i]), $"{field}[{i}]", "must match ^[A-Za-z][A-Za-z0-9_]{0,63}$")
             .Check(seen.Add(values[i]), $"{field}[{i}]", "is listed twice");
        }
    }

    // Identifier-shaped, so a filter can name a value without quotes (status = IN_STOCK).
    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex EnumValue();
}
