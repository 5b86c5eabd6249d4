using System.Text;
using System.Text.Json.Nodes;
using Platform.Application.Abstractions.Search;
using Platform.Application.Eav.Filtering.Bound;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;

namespace Platform.Infrastructure.Search.OpenSearch;

/// <summary>
/// A bound ListEntities filter as an OpenSearch query clause over the typed fields of
/// <see cref="OpenSearchFields"/>. Semantics are the in-memory evaluator's: a comparison with a missing
/// value is false and NOT is plain negation. OpenSearch is two-valued already (a <c>term</c> or <c>range</c>
/// on a field the document lacks does not match, and <c>must_not</c> of it then does), so no
/// three-valued correction is needed. Repeated attributes are arrays, and a <c>term</c>/<c>range</c> on an
/// array matches when some item does: exactly <see cref="BoundAnyElement"/>.
/// What has no exact equivalent is refused with <see cref="SearchNotSupportedException"/> on <c>filter</c>.
/// </summary>
internal static class OpenSearchFilters
{
    public const string Field = "filter";

    public static JsonObject Clause(BoundFilter filter) => filter switch
    {
        BoundAnd { Operands.Count: 0 } => MatchAll(),
        BoundOr { Operands.Count: 0 } => Bool("must_not", [MatchAll()]),
        BoundAnd and => Bool("filter", and.Operands.Select(Clause)),
        BoundOr or => Bool("should", or.Operands.Select(Clause), minimumShouldMatch: true),
        BoundNot not => Bool("must_not", [Clause(not.Operand)]),
        BoundComparison { Field.Attribute: { } attribute } c => Compare(FieldOf(attribute), attribute.Type, c.Op, c.Value),
        BoundComparison c => Compare(c.Field.SystemField == Domain.Eav.SystemFields.CreateTime ? OpenSearchFields.CreateTimeField : OpenSearchFields.UpdateTimeField,
            AttributeType.Timestamp, c.Op, c.Value),
        BoundAnyElement e => Compare(FieldOf(e.Attribute), e.Attribute.Type, e.Op, e.Value),
        BoundPresence p => new JsonObject { ["exists"] = new JsonObject { ["field"] = FieldOf(p.Attribute) } },
        BoundSubstring s => Substring(s),
        BoundLongerThan => throw Refuse("a length test has no exact OpenSearch form"),
        _ => throw Refuse($"{filter.GetType().Name} has no OpenSearch form"),
    };

    private static JsonObject Compare(string field, AttributeType type, CompareOp op, AttributeValue value)
    {
        if (type == AttributeType.GeoPoint)
        {
            throw Refuse("a geo_point field has no exact equality test");
        }

        var encoded = OpenSearchFields.Encode(value);
        if (op == CompareOp.Equal)
        {
            return new JsonObject { ["term"] = new JsonObject { [field] = new JsonObject { ["value"] = encoded } } };
        }

        if (type is AttributeType.Bool or AttributeType.Enum or AttributeType.Reference)
        {
            throw Refuse($"{type} values compare for equality only");
        }

        var bound = op switch
        {
            CompareOp.Less => "lt",
            CompareOp.LessOrEqual => "lte",
            CompareOp.Greater => "gt",
            _ => "gte",
        };
        return new JsonObject { ["range"] = new JsonObject { [field] = new JsonObject { [bound] = encoded } } };
    }

    /// <summary>
    /// A case-sensitive substring of a single STRING value: a <c>wildcard</c> on its keyword, the text's own
    /// <c>*</c>, <c>?</c> and <c>\</c> escaped. TEXT is not carried as a keyword (too long), so it is refused.
    /// </summary>
    private static JsonObject Substring(BoundSubstring s)
    {
        if (s.Attribute.Type != AttributeType.String || s.Attribute.Repeated)
        {
            throw Refuse($"a substring test on {s.Attribute.Path} ({s.Attribute.Type}) has no exact OpenSearch form; use search for words");
        }

        var pattern = new StringBuilder("*");
        foreach (var c in s.Text)
        {
            if (c is '*' or '?' or '\\')
            {
                pattern.Append('\\');
            }

            pattern.Append(c);
        }

        pattern.Append('*');
        return new JsonObject
        {
            ["wildcard"] = new JsonObject
            {
                [FieldOf(s.Attribute)] = new JsonObject { ["value"] = pattern.ToString(), ["case_insensitive"] = false },
            },
        };
    }

    private static string FieldOf(AttributeDefinition attribute) =>
        OpenSearchFields.For(attribute) ?? throw Refuse($"{attribute.Path} ({attribute.Type}) is not carried in OpenSearch documents");

    private static JsonObject MatchAll() => new() { ["match_all"] = new JsonObject() };

    private static JsonObject Bool(string occur, IEnumerable<JsonObject> clauses, bool minimumShouldMatch = false)
    {
        var @bool = new JsonObject { [occur] = new JsonArray([.. clauses]) };
        if (minimumShouldMatch)
        {
            @bool["minimum_should_match"] = 1;
        }

        return new JsonObject { ["bool"] = @bool };
    }

    private static SearchNotSupportedException Refuse(string why) =>
        new(Field, $"not supported by the OpenSearch search provider: {why} (Platform:Search:Provider=Database supports every filter)");
}
