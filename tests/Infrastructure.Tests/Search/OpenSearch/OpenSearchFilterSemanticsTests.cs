using System.Text;
using System.Text.Json.Nodes;
using Platform.Application.Abstractions.Search;
using Platform.Application.Eav.Filtering;
using Platform.Application.Eav.Filtering.Bound;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;
using Platform.Infrastructure.Search.OpenSearch;

namespace Platform.Infrastructure.Tests.Search.OpenSearch;

/// <summary>
/// Seeded random filters over random entities: the translated clause, evaluated over the document the
/// adapter indexes with OpenSearch's rules for the mapped field types, keeps exactly the entities the
/// in-memory evaluator (the semantics every backend reproduces) keeps; or the filter is refused.
/// The evaluator below models only the clauses the translator writes: bool (filter/should with
/// minimum_should_match 1/must_not), match_all, term, range, exists and wildcard; keyword ranges compare
/// UTF-8 bytes (Lucene's term order), numbers and booleans by value, and a multi-valued field matches
/// when one of its values does.
/// </summary>
public sealed class OpenSearchFilterSemanticsTests
{
    private static AttributeDefinition Attr(string key, AttributeType type, bool repeated = false) =>
        new() { Key = key, Type = type, Filterable = true, Repeated = repeated };

    private static readonly AttributeDefinition[] Attributes =
    [
        Attr("name", AttributeType.String), Attr("qty", AttributeType.Int64), Attr("price", AttributeType.Decimal),
        Attr("ok", AttributeType.Bool), Attr("day", AttributeType.Date), Attr("at", AttributeType.Timestamp),
        Attr("state", AttributeType.Enum), Attr("tags", AttributeType.String, repeated: true), Attr("scores", AttributeType.Int64, repeated: true),
        Attr("body", AttributeType.Text),
    ];

    // Text chosen around the orders that differ: UTF-16 puts U+FF21 after an emoji, code points (and UTF-8) before.
    private static readonly string[] Texts = ["", "a", "ab", "abc", "B", "é", "\uFF21", "😀", "a😀", "zz"];
    private static readonly decimal[] Decimals = [-1e20m, -12.5m, -0.1m, 0m, 0.1m, 0.1000000000000000000000000001m, 1.5m, 12.5m, 1e20m];
    private static readonly long[] Longs = [long.MinValue, -3, 0, 1, 3, 42, long.MaxValue];
    private static readonly DateTime Epoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static AttributeValue RandomValue(Random r, AttributeType type) => type switch
    {
        AttributeType.String or AttributeType.Text => new TextValue(Texts[r.Next(Texts.Length)]),
        AttributeType.Enum => new TextValue(r.Next(2) == 0 ? "NEW" : "DONE"),
        AttributeType.Int64 => new Int64Value(Longs[r.Next(Longs.Length)]),
        AttributeType.Decimal => new DecimalValue(Decimals[r.Next(Decimals.Length)]),
        AttributeType.Bool => new BoolValue(r.Next(2) == 0),
        AttributeType.Date => new DateValue(new DateOnly(1999 + r.Next(3), 1 + r.Next(2), 1 + r.Next(2))),
        _ => new TimestampValue(Epoch.AddTicks(r.Next(-3, 4) * 10L).AddYears(r.Next(-60, 2))),
    };

    private static FilterSubject RandomEntity(Random r, int i)
    {
        var values = new Dictionary<string, AttributeValue>();
        foreach (var a in Attributes.Where(_ => r.Next(3) > 0))
        {
            values[a.Key] = a.Repeated
                ? new ListValue([.. Enumerable.Range(0, 1 + r.Next(3)).Select(_ => RandomValue(r, a.Type))])
                : RandomValue(r, a.Type);
        }

        return new FilterSubject($"e{i}", Epoch.AddTicks(r.Next(-5, 5) * 10L), Epoch.AddTicks(r.Next(-5, 5) * 10L), new AttributeMap(values));
    }

    private static BoundFilter RandomFilter(Random r, int depth)
    {
        if (depth > 0 && r.Next(3) == 0)
        {
            var operands = Enumerable.Range(0, r.Next(3)).Select(_ => RandomFilter(r, depth - 1)).ToList();
            return r.Next(3) switch { 0 => new BoundAnd(operands), 1 => new BoundOr(operands), _ => new BoundNot(RandomFilter(r, depth - 1)) };
        }

        var op = (CompareOp)r.Next(5);
        switch (r.Next(10))
        {
            case 0:
                return new BoundComparison(r.Next(2) == 0 ? FilterField.CreateTime : FilterField.UpdateTime, op,
                    new TimestampValue(Epoch.AddTicks(r.Next(-5, 5) * 10L)));
            case 1:
                return new BoundPresence(Attributes[r.Next(Attributes.Length)]);
            case 2:
                var text = Attributes.Where(a => a.Type is AttributeType.String or AttributeType.Text && !a.Repeated).ToArray();
                return new BoundSubstring(text[r.Next(text.Length)], Texts[r.Next(Texts.Length)]);
            default:
                var a = Attributes[r.Next(Attributes.Length)];
                var value = RandomValue(r, a.Type);
                return a.Repeated ? new BoundAnyElement(a, op, value) : new BoundComparison(FilterField.For(a), op, value);
        }
    }

    [Fact]
    public void Translated_filters_keep_exactly_what_the_evaluator_keeps_or_are_refused()
    {
        var r = new Random(20_261_124);
        var entities = Enumerable.Range(0, 60).Select(i => RandomEntity(r, i)).ToList();
        var documents = entities.Select(e => OpenSearchRequests.Source("acme", "book", new SearchDocument(e.Id, "x", null,
            Values: new SearchValues([.. Attributes.Where(a => e.Attributes.ContainsKey(a.Key)).Select(a => new IndexedValue(a.Key, a.Type, e.Attributes[a.Key]))],
                e.CreateTime, e.UpdateTime)))).ToList();
        int translated = 0, refused = 0;

        for (var k = 0; k < 2000; k++)
        {
            var filter = RandomFilter(r, 3);
            JsonObject clause;
            try
            {
                clause = OpenSearchFilters.Clause(filter);
            }
            catch (SearchNotSupportedException)
            {
                refused++;
                continue;
            }

            translated++;
            for (var i = 0; i < entities.Count; i++)
            {
                Assert.True(FilterEvaluator.Matches(filter, entities[i]) == Eval(clause, documents[i]),
                    $"{filter} on {entities[i]} vs {clause.ToJsonString()} on {documents[i].ToJsonString()}");
            }
        }

        // Most filters translate; the refused ones are TEXT substrings, Bool/Enum order comparisons and the like.
        Assert.True(translated > refused * 2, $"translated {translated}, refused {refused}");
    }

    private static bool Eval(JsonObject clause, JsonObject doc)
    {
        var (kind, body) = clause.Single();
        switch (kind)
        {
            case "match_all":
                return true;
            case "bool":
                var b = body!.AsObject();
                var all = b["filter"]?.AsArray().All(c => Eval(c!.AsObject(), doc)) ?? true;
                var none = b["must_not"]?.AsArray().All(c => !Eval(c!.AsObject(), doc)) ?? true;
                var any = b["should"] is not JsonArray should || should.Any(c => Eval(c!.AsObject(), doc));
                return all && none && any;
            case "exists":
                return Values(doc, body!["field"]!.GetValue<string>()).Count > 0;
            case "term":
            {
                var (field, spec) = body!.AsObject().Single();
                return Values(doc, field).Any(v => Compare(v, spec!["value"]!) == 0);
            }

            case "range":
            {
                var (field, spec) = body!.AsObject().Single();
                var (bound, limit) = spec!.AsObject().Single();
                return Values(doc, field).Any(v => Compare(v, limit!) is var c && bound switch
                {
                    "lt" => c < 0,
                    "lte" => c <= 0,
                    "gt" => c > 0,
                    _ => c >= 0,
                });
            }

            case "wildcard":
            {
                var (field, spec) = body!.AsObject().Single();
                var pattern = spec!["value"]!.GetValue<string>();
                Assert.StartsWith("*", pattern, StringComparison.Ordinal);
                Assert.EndsWith("*", pattern, StringComparison.Ordinal);
                var literal = new StringBuilder();
                for (var i = 1; i < pattern.Length - 1; i++)
                {
                    Assert.NotEqual('*', pattern[i]);
                    Assert.NotEqual('?', pattern[i]);
                    literal.Append(pattern[i] == '\\' ? pattern[++i] : pattern[i]);
                }

                return Values(doc, field).Any(v => v.GetValue<string>().Contains(literal.ToString(), StringComparison.Ordinal));
            }

            default:
                throw new InvalidOperationException("The evaluator does not model " + kind);
        }
    }

    private static List<JsonNode> Values(JsonObject doc, string path)
    {
        JsonNode? node = doc;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject o ? o[part] : null;
        }

        return node switch
        {
            null => [],
            JsonArray array => [.. array.OfType<JsonNode>()],
            _ => [node],
        };
    }

    /// <summary>Numbers by value, booleans false &lt; true, strings by UTF-8 bytes (a keyword's term order).</summary>
    private static int Compare(JsonNode indexed, JsonNode query)
    {
        var a = indexed.AsValue();
        var b = query.AsValue();
        if (a.TryGetValue<bool>(out var x) && b.TryGetValue<bool>(out var y))
        {
            return x.CompareTo(y);
        }

        if (a.TryGetValue<string>(out var s) && b.TryGetValue<string>(out var t))
        {
            return Encoding.UTF8.GetBytes(s).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(t));
        }

        return a.GetValue<long>().CompareTo(b.GetValue<long>());
    }
}
