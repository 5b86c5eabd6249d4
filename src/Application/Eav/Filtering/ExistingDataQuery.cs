using Platform.Application.Eav.Filtering.Bound;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Evolution;
using Platform.Domain.Eav.Values;

namespace Platform.Application.Eav.Filtering;

/// <summary>
/// How to find the entities a narrowing schema change would break. Run <see cref="Filter"/>
/// through the SQL translator to count and name them; when <see cref="NeedsConfirmation"/> the
/// filter only finds candidates and each must pass <see cref="Confirm"/> (patterns are .NET
/// regular expressions, which SQL cannot run). <see cref="Filter"/> is null for
/// <see cref="DuplicateValuesCheck"/>, which is a GROUP BY (see the translator's duplicate query).
/// </summary>
public sealed record ExistingDataQuery(ExistingDataCheck Check, AttributeDefinition Attribute, BoundFilter? Filter)
{
    public bool NeedsConfirmation => Check is PatternCheck;

    public bool Confirm(FilterSubject entity) => Check switch
    {
        PatternCheck p => Values(entity).OfType<TextValue>().Any(t => !AttributePatterns.Matches(p.Pattern, t.Value)),
        _ => FilterEvaluator.Matches(Filter, entity),
    };

    /// <summary>The query for one check of a plan; the attribute is looked up in the plan (it may be new).</summary>
    public static ExistingDataQuery For(SchemaEvolutionPlan plan, ExistingDataCheck check)
    {
        var attribute = plan.Attributes.First(a => a.Key == check.Key);
        return new ExistingDataQuery(check, attribute, check switch
        {
            MissingValueCheck => new BoundNot(new BoundPresence(attribute)),
            LongerThanCheck l => new BoundLongerThan(attribute, l.MaxLength),
            OutOfRangeCheck r => Any(
                r.Min is null ? null : Compare(attribute, CompareOp.Less, r.Min),
                r.Max is null ? null : Compare(attribute, CompareOp.Greater, r.Max)),
            EnumValuesCheck e => Any([.. e.Removed.Select(v => Compare(attribute, CompareOp.Equal, new TextValue(v)))]),
            PatternCheck => new BoundPresence(attribute),
            _ => null,
        });
    }

    private IEnumerable<AttributeValue> Values(FilterSubject entity) => entity.Attributes.Get(Attribute.Key) switch
    {
        ListValue list => list.Items,
        { } value => [value],
        null => [],
    };

    private static BoundFilter Compare(AttributeDefinition attribute, CompareOp op, AttributeValue value) =>
        attribute.Repeated ? new BoundAnyElement(attribute, op, value) : new BoundComparison(FilterField.For(attribute), op, value);

    private static BoundFilter Any(params BoundFilter?[] filters)
    {
        var present = filters.OfType<BoundFilter>().ToList();
        return present.Count == 1 ? present[0] : new BoundOr(present);
    }
}
