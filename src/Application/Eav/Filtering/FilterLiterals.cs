using Platform.Application.Eav.Filtering.Syntax;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;

namespace Platform.Application.Eav.Filtering;

/// <summary>
/// Converts a literal to the canonical value of a field's type — the same canonical form stored
/// values have, so comparisons compare like with like (NFC text, UTC microseconds, normalized
/// decimals).
/// </summary>
internal static class FilterLiterals
{
    /// <summary>The value, or null with <paramref name="problem"/> set.</summary>
    public static AttributeValue? Convert(AttributeType type, LiteralSyntax literal, out string problem)
    {
        if (!Accepts(type, literal.Kind))
        {
            problem = $"expected {Example(type)}";
            return null;
        }

        if (AttributeValueText.Parse(type, literal.Text) is not { } value)
        {
            problem = $"'{literal.Text}' is not {Example(type)}";
            return null;
        }

        return AttributeValueRules.Represent(type, value, out problem);
    }

    private static bool Accepts(AttributeType type, LiteralKind kind) => type switch
    {
        // A bare number or word is still text for STRING and TEXT (sku = 1234).
        AttributeType.String or AttributeType.Text => kind != LiteralKind.Star,
        AttributeType.Enum or AttributeType.Reference => kind is LiteralKind.String or LiteralKind.Text,
        AttributeType.Int64 or AttributeType.Decimal => kind is LiteralKind.Number or LiteralKind.String,
        AttributeType.Bool => kind == LiteralKind.Bool,
        _ => kind == LiteralKind.String,
    };

    private static string Example(AttributeType type) => type switch
    {
        AttributeType.Int64 => "an INT64 such as 42",
        AttributeType.Decimal => "a DECIMAL such as 12.5 (at most 28 significant digits)",
        AttributeType.Bool => "true or false",
        AttributeType.Date => "a quoted DATE such as \"2026-01-31\"",
        AttributeType.Timestamp => "a quoted RFC 3339 timestamp such as \"2026-01-31T12:00:00Z\"",
        AttributeType.Enum => "an enum value such as IN_STOCK or \"IN_STOCK\"",
        AttributeType.Reference => "an entity id in quotes",
        _ => "a quoted string",
    };
}
