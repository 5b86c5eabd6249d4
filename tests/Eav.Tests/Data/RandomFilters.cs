using System.Text;
using Platform.Domain.Eav;

namespace Platform.Eav.Tests.Data;

/// <summary>
/// Seeded random well-formed filters over <see cref="ItemType"/>: every operator each type
/// supports, literals drawn from the value pools (so they hit stored values) in the spellings
/// clients use, combined with AND, OR, NOT, '-', parentheses and juxtaposition.
/// </summary>
public sealed class RandomFilters(int seed)
{
    private static readonly string[] Ordered = ["=", "!=", "<", "<=", ">", ">="];
    private static readonly string[] Equality = ["=", "!="];

    private readonly Random _random = new(seed);

    public string Next() => Expression(0);

    private string Expression(int depth) => (depth >= 3 ? 0 : _random.Next(7)) switch
    {
        0 or 1 or 2 => Restriction(),
        3 => $"{Expression(depth + 1)} AND {Expression(depth + 1)}",
        4 => $"{Expression(depth + 1)} OR {Expression(depth + 1)}",
        5 => $"{(_random.Next(2) == 0 ? "NOT " : "-")}{Group(depth)}",
        _ => $"{Group(depth)} {Group(depth)}",
    };

    private string Group(int depth) => _random.Next(3) == 0 ? Restriction() : $"({Expression(depth + 1)})";

    private string Restriction()
    {
        if (_random.Next(8) == 0)
        {
            var field = _random.Next(2) == 0 ? SystemFields.CreateTime : SystemFields.UpdateTime;
            var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(_random.Next(22)).AddTicks(_random.Next(3) * 10);
            return $"{field} {Pick(Ordered)} \"{at:yyyy-MM-ddTHH:mm:ss.ffffff}Z\"";
        }

        var attributes = ItemType.Type.VisibleAttributes.Where(a => a.Filterable).ToList();
        var attribute = attributes[_random.Next(attributes.Count)];
        var path = attribute.Path;
        if (_random.Next(10) == 0)
        {
            return $"{path}:*";
        }

        if (attribute.Repeated)
        {
            return $"{path}:{Literal(attribute.Type)}";
        }

        return attribute.Type switch
        {
            AttributeType.Text => $"{path}:{Quote(Fragment(Pick(ValuePools.TextBodies)))}",
            AttributeType.String when _random.Next(4) == 0 => $"{path}:{Quote(Fragment(Pick(ValuePools.Strings)))}",
            AttributeType.Bool or AttributeType.Enum or AttributeType.Reference => $"{path} {Pick(Equality)} {Literal(attribute.Type)}",
            _ => $"{path} {Pick(Ordered)} {Literal(attribute.Type)}",
        };
    }

    private string Literal(AttributeType type)
    {
        var text = Pick(ValuePools.Texts(type));
        return type switch
        {
            AttributeType.Int64 or AttributeType.Bool => text,
            AttributeType.Decimal => _random.Next(3) switch
            {
                0 => Quote(text),
                1 when text.Contains('.', StringComparison.Ordinal) => text + "0",
                _ => text,
            },
            AttributeType.Enum when _random.Next(2) == 0 => text,
            AttributeType.Timestamp when _random.Next(3) == 0 && text.StartsWith("2026", StringComparison.Ordinal) =>
                Quote(text.Replace("T00:", "T01:", StringComparison.Ordinal).Replace("Z", "+01:00", StringComparison.Ordinal)),
            _ => Quote(text),
        };
    }

    private string Fragment(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var start = _random.Next(text.Length);
        var length = _random.Next(0, Math.Min(4, text.Length - start) + 1);
        var fragment = text.Substring(start, length);

        // Never cut a surrogate pair: the fragment would not be valid text.
        return fragment.Any(char.IsSurrogate) ? text : fragment;
    }

    private string Pick(string[] values) => values[_random.Next(values.Length)];

    private static string Quote(string text)
    {
        var quoted = new StringBuilder("\"");
        foreach (var c in text)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }
}
