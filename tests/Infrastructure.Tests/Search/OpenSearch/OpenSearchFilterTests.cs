using System.Text.Json.Nodes;
using Platform.Application.Abstractions.Search;
using Platform.Application.Eav.Filtering.Bound;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;
using Platform.Infrastructure.Search.OpenSearch;

namespace Platform.Infrastructure.Tests.Search.OpenSearch;

/// <summary>Bound ListEntities filters as OpenSearch clauses: shapes, spec validity of the whole search body, and refusals.</summary>
public sealed class OpenSearchFilterTests
{
    private static AttributeDefinition Attr(string key, AttributeType type, bool repeated = false) =>
        new() { Key = key, Type = type, Filterable = true, Repeated = repeated };

    private static readonly AttributeDefinition Title = Attr("title", AttributeType.String);
    private static readonly AttributeDefinition Pages = Attr("pages", AttributeType.Int64);
    private static readonly AttributeDefinition Price = Attr("price", AttributeType.Decimal);
    private static readonly AttributeDefinition Published = Attr("published", AttributeType.Date);
    private static readonly AttributeDefinition Seen = Attr("seen", AttributeType.Timestamp);
    private static readonly AttributeDefinition Active = Attr("active", AttributeType.Bool);
    private static readonly AttributeDefinition Genre = Attr("genre", AttributeType.Enum);
    private static readonly AttributeDefinition Tags = Attr("tags", AttributeType.String, repeated: true);
    private static readonly AttributeDefinition Where = Attr("where", AttributeType.GeoPoint);
    private static readonly AttributeDefinition Blurb = Attr("blurb", AttributeType.Text);

    /// <summary>The filter inside a full search body, which must be valid for the spec's search operation.</summary>
    private static JsonNode Translate(BoundFilter filter)
    {
        var body = OpenSearchRequests.Search(OpenSearchFixtures.Query("dune") with { Filter = filter });
        OpenSearchFixtures.AssertValidSearch(body);
        var filters = body["query"]!["bool"]!["filter"]!.AsArray();
        Assert.Equal(3, filters.Count);
        return filters[2]!;
    }

    private static BoundComparison Compare(AttributeDefinition a, CompareOp op, AttributeValue v) => new(FilterField.For(a), op, v);

    [Fact]
    public void Equality_is_a_term_on_the_attributes_typed_field()
    {
        Assert.Equal("""{"term":{"attrs.keyword.title":{"value":"Dune"}}}""",
            Translate(Compare(Title, CompareOp.Equal, new TextValue("Dune"))).ToJsonString());
        Assert.Equal("""{"term":{"attrs.keyword.genre":{"value":"scifi"}}}""",
            Translate(Compare(Genre, CompareOp.Equal, new TextValue("scifi"))).ToJsonString());
        Assert.Equal("""{"term":{"attrs.bool.active":{"value":true}}}""",
            Translate(Compare(Active, CompareOp.Equal, new BoolValue(true))).ToJsonString());
        Assert.Equal("""{"term":{"attrs.long.pages":{"value":412}}}""",
            Translate(Compare(Pages, CompareOp.Equal, new Int64Value(412))).ToJsonString());
    }

    [Theory]
    [InlineData(CompareOp.Less, "lt")]
    [InlineData(CompareOp.LessOrEqual, "lte")]
    [InlineData(CompareOp.Greater, "gt")]
    [InlineData(CompareOp.GreaterOrEqual, "gte")]
    public void Order_comparisons_are_ranges(CompareOp op, string bound)
    {
        Assert.Equal("""{"range":{"attrs.long.pages":{""" + $"\"{bound}\"" + """:100}}}""", Translate(Compare(Pages, op, new Int64Value(100))).ToJsonString());
        Assert.Equal("""{"range":{"attrs.date.published":{""" + $"\"{bound}\"" + """:"2026-03-01"}}}""",
            Translate(Compare(Published, op, new DateValue(new DateOnly(2026, 3, 1)))).ToJsonString());
        Assert.Equal("""{"range":{"attrs.keyword.title":{""" + $"\"{bound}\"" + """:"M"}}}""", Translate(Compare(Title, op, new TextValue("M"))).ToJsonString());
    }

    [Fact]
    public void Decimals_compare_on_an_exact_order_preserving_keyword()
    {
        var clause = Translate(Compare(Price, CompareOp.Greater, new DecimalValue(0.1m)));

        Assert.Equal(OpenSearchFields.SortableDecimal(0.1m), clause["range"]!["attrs.decimal.price"]!["gt"]!.GetValue<string>());
    }

    [Fact]
    public void The_sortable_decimal_text_orders_like_the_numbers_and_is_canonical()
    {
        decimal[] values = [decimal.MinValue, -1e20m, -12.5m, -0.1000000000000000000000000001m, -0.0000000000000000000000000001m, 0m,
            0.0000000000000000000000000001m, 0.1m, 0.1000000000000000000000000001m, 1m, 12.5m, 1e20m, decimal.MaxValue];

        var texts = values.Select(OpenSearchFields.SortableDecimal).ToList();

        Assert.Equal(texts, texts.Order(StringComparer.Ordinal));
        Assert.Equal(texts.Count, texts.Distinct(StringComparer.Ordinal).Count());
        Assert.All(texts, t => Assert.Equal(58, t.Length));
        Assert.Equal(OpenSearchFields.SortableDecimal(1.5m), OpenSearchFields.SortableDecimal(1.500m));
        Assert.Equal(OpenSearchFields.SortableDecimal(0m), OpenSearchFields.SortableDecimal(-0.00m));
    }

    [Fact]
    public void Timestamps_and_system_times_compare_as_exact_microseconds()
    {
        var at = new DateTime(2026, 5, 4, 3, 2, 1, DateTimeKind.Utc).AddTicks(1230);

        var seen = Translate(Compare(Seen, CompareOp.GreaterOrEqual, new TimestampValue(at)));
        var created = Translate(new BoundComparison(FilterField.CreateTime, CompareOp.Less, new TimestampValue(at)));
        var updated = Translate(new BoundComparison(FilterField.UpdateTime, CompareOp.Equal, new TimestampValue(at)));

        var micros = (at - DateTime.UnixEpoch).Ticks / 10;
        Assert.Equal(micros, seen["range"]!["attrs.timestamp.seen"]!["gte"]!.GetValue<long>());
        Assert.Equal(micros, created["range"]!["create_time_us"]!["lt"]!.GetValue<long>());
        Assert.Equal(micros, updated["term"]!["update_time_us"]!["value"]!.GetValue<long>());
        Assert.Equal(-1, OpenSearchFields.Microseconds(DateTime.UnixEpoch.AddTicks(-10)));
    }

    [Fact]
    public void And_or_not_presence_and_any_element_keep_the_two_valued_semantics()
    {
        var filter = new BoundAnd([
            new BoundOr([Compare(Genre, CompareOp.Equal, new TextValue("scifi")), new BoundPresence(Where)]),
            new BoundNot(Compare(Active, CompareOp.Equal, new BoolValue(false))),
            new BoundAnyElement(Tags, CompareOp.Equal, new TextValue("classic")),
        ]);

        var clause = Translate(filter);

        Assert.Equal(
            """{"bool":{"filter":[{"bool":{"should":[{"term":{"attrs.keyword.genre":{"value":"scifi"}}},{"exists":{"field":"attrs.geo.where"}}],"minimum_should_match":1}},""" +
            """{"bool":{"must_not":[{"term":{"attrs.bool.active":{"value":false}}}]}},{"term":{"attrs.keyword.tags":{"value":"classic"}}}]}}""",
            clause.ToJsonString());
    }

    [Fact]
    public void Empty_and_matches_everything_and_empty_or_nothing()
    {
        Assert.Equal("""{"match_all":{}}""", Translate(new BoundAnd([])).ToJsonString());
        Assert.Equal("""{"bool":{"must_not":[{"match_all":{}}]}}""", Translate(new BoundOr([])).ToJsonString());
    }

    [Fact]
    public void A_string_substring_is_a_case_sensitive_wildcard_with_its_own_wildcards_escaped()
    {
        var clause = Translate(new BoundSubstring(Title, @"a*b?c\d"));

        Assert.Equal(@"*a\*b\?c\\d*", clause["wildcard"]!["attrs.keyword.title"]!["value"]!.GetValue<string>());
        Assert.False(clause["wildcard"]!["attrs.keyword.title"]!["case_insensitive"]!.GetValue<bool>());
    }

    public static TheoryData<string> Refused => ["text substring", "longer than", "geo equality", "bool order", "enum order"];

    [Theory]
    [MemberData(nameof(Refused))]
    public void What_has_no_exact_form_is_refused_on_the_filter_field(string which)
    {
        BoundFilter filter = which switch
        {
            "text substring" => new BoundSubstring(Blurb, "x"),
            "longer than" => new BoundLongerThan(Title, 3),
            "geo equality" => Compare(Where, CompareOp.Equal, new GeoPointValue(1, 2)),
            "bool order" => Compare(Active, CompareOp.Less, new BoolValue(true)),
            _ => Compare(Genre, CompareOp.Greater, new TextValue("a")),
        };

        // Nested under NOT too: a refusal is never turned into a wrong result by negation.
        var error = Assert.Throws<SearchNotSupportedException>(() => OpenSearchRequests.Search(
            OpenSearchFixtures.Query("dune") with { Filter = new BoundNot(filter) }));

        Assert.Equal("filter", error.Field);
        Assert.Contains("OpenSearch", error.Message, StringComparison.Ordinal);
    }
}
