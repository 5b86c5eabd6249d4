using Platform.Application.Eav.Filtering;
using Platform.Domain.Eav.Values;
using static Platform.Application.Tests.Eav.EavSamples;

namespace Platform.Application.Tests.Eav;

public sealed class FilterEvaluatorTests
{
    private static readonly FilterSubject Full = Entity("full", new()
    {
        ["name"] = new TextValue("Café au lait"),
        ["body"] = new TextValue("long text\nwith lines"),
        ["qty"] = new Int64Value(5),
        ["price"] = new DecimalValue(0.1m + 0.2m),
        ["ok"] = new BoolValue(true),
        ["day"] = new DateValue(new DateOnly(2026, 1, 31)),
        ["at"] = new TimestampValue(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(10)),
        ["state"] = new TextValue("NEW"),
        ["tags"] = new ListValue([new TextValue("red"), new TextValue("big")]),
        ["scores"] = new ListValue([new DecimalValue(1.5m)]),
    }, created: Now.AddDays(-1));

    private static readonly FilterSubject Empty = Entity("empty", []);

    private static bool Matches(string filter, FilterSubject entity) => FilterEvaluator.Matches(EavFilter.Parse(filter, Item).Value, entity);

    [Theory]
    [InlineData("attributes.price = 0.3")]
    [InlineData("attributes.price = \"0.30\"")]
    [InlineData("attributes.price > 0.2999999999999999999999999999")]
    [InlineData("attributes.name = \"Cafe\u0301 au lait\"")]
    [InlineData("attributes.name > \"Caf\"")]
    [InlineData("attributes.name:\"au\"")]
    [InlineData("attributes.body:\"\\nwith\"")]
    [InlineData("attributes.qty >= 5 AND attributes.qty <= 5")]
    [InlineData("attributes.ok = true")]
    [InlineData("attributes.day = \"2026-01-31\"")]
    [InlineData("attributes.at > \"2026-01-01T00:00:00Z\"")]
    [InlineData("attributes.at = \"2026-01-01T00:00:00.000001Z\"")]
    [InlineData("attributes.state = NEW")]
    [InlineData("attributes.tags:big")]
    [InlineData("attributes.scores:1.50")]
    [InlineData("attributes.tags:*")]
    [InlineData("create_time < \"2026-03-01T00:00:00Z\"")]
    [InlineData("NOT attributes.qty = 4")]
    [InlineData("attributes.qty = 4 OR attributes.qty = 5")]
    [InlineData("-attributes.tags:blue")]
    public void Matches_the_full_entity(string filter) => Assert.True(Matches(filter, Full), filter);

    [Theory]
    [InlineData("attributes.name:\"AU\"")]
    [InlineData("attributes.tags:re")]
    [InlineData("attributes.qty = 5 AND attributes.ok = false")]
    [InlineData("attributes.at = \"2026-01-01T00:00:00Z\"")]
    public void Does_not_match_the_full_entity(string filter) => Assert.False(Matches(filter, Full), filter);

    [Theory]
    [InlineData("attributes.qty = 5", false)]
    [InlineData("attributes.qty != 5", true)]
    [InlineData("NOT attributes.qty = 5", true)]
    [InlineData("attributes.qty < 5", false)]
    [InlineData("NOT attributes.qty < 5", true)]
    [InlineData("attributes.qty:*", false)]
    [InlineData("-attributes.qty:*", true)]
    [InlineData("attributes.tags:red", false)]
    [InlineData("NOT (attributes.qty > 1 AND attributes.ok = true)", true)]
    public void Missing_values_compare_false_and_not_negates(string filter, bool expected) =>
        Assert.Equal(expected, Matches(filter, Empty));

    [Fact]
    public void No_filter_matches_everything() => Assert.True(FilterEvaluator.Matches(null, Empty));
}
