using Platform.Application.Eav.Filtering.Bound;
using Platform.Domain.Eav.Values;

namespace Platform.Application.Eav.Filtering;

/// <summary>
/// Evaluates a bound filter over canonical values in memory. It defines the semantics the SQL
/// translation must reproduce (the property tests compare the two on both databases).
/// </summary>
public static class FilterEvaluator
{
    public static bool Matches(BoundFilter? filter, FilterSubject entity) => filter switch
    {
        null => true,
        BoundAnd and => and.Operands.All(o => Matches(o, entity)),
        BoundOr or => or.Operands.Any(o => Matches(o, entity)),
        BoundNot not => !Matches(not.Operand, entity),
        BoundComparison c => entity.ValueOf(c.Field) is { } value and not ListValue && Holds(c.Op, value, c.Value),
        BoundPresence p => entity.Attributes.ContainsKey(p.Attribute.Key),
        BoundSubstring s => entity.Attributes.Get(s.Attribute.Key) is TextValue t && t.Value.Contains(s.Text, StringComparison.Ordinal),
        BoundAnyElement e => Items(entity, e.Attribute.Key).Any(item => Holds(e.Op, item, e.Value)),
        BoundLongerThan l => entity.Attributes.Get(l.Attribute.Key) switch
        {
            TextValue t => TextRules.Length(t.Value) > l.MaxLength,
            ListValue list => list.Items.OfType<TextValue>().Any(t => TextRules.Length(t.Value) > l.MaxLength),
            _ => false,
        },
        _ => false,
    };

    public static bool Holds(CompareOp op, AttributeValue left, AttributeValue right)
    {
        var c = AttributeValueComparer.Instance.Compare(left, right);
        return op switch
        {
            CompareOp.Equal => c == 0,
            CompareOp.Less => c < 0,
            CompareOp.LessOrEqual => c <= 0,
            CompareOp.Greater => c > 0,
            _ => c >= 0,
        };
    }

    private static IReadOnlyList<AttributeValue> Items(FilterSubject entity, string key) =>
        entity.Attributes.Get(key) is ListValue list ? list.Items : [];
}
