using Platform.Application.Eav.Filtering;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Evolution;
using Platform.Domain.Eav.Values;
using Platform.Eav.Tests.Data;
using Platform.Infrastructure.Eav.Filtering;

namespace Platform.Eav.Tests.Contract;

/// <summary>
/// Every narrowing schema change's check, run as SQL on the real database, finds exactly the
/// entities the in-memory evaluation finds; the duplicate query groups as the values do.
/// </summary>
public abstract class EavSchemaCheckTests<TFixture>(TFixture fixture)
    where TFixture : EavFixture
{
    private readonly EavSqlTranslator _sql = new(fixture.Store.Dialect);

    public static TheoryData<string> Changes() =>
    [
        "required:s", "required:n", "required:tags", "required:decs",
        "max_length:s", "max_length:tags",
        "range:n", "range:d", "range:nums", "range:decs", "range:dt", "range:days", "range:ts", "range:stamps",
        "enum:e", "enum:colors",
        "pattern:s", "pattern:tags",
    ];

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Checks_find_what_the_evaluator_finds(string change)
    {
        var plan = Plan(change);
        var check = Assert.Single(plan.Checks).Check!;
        var query = ExistingDataQuery.For(plan, check);

        var expected = fixture.Entities.Where(e => FilterEvaluator.Matches(query.Filter, e) && query.Confirm(e)).Select(e => e.Id).Order(StringComparer.Ordinal).ToList();
        var candidates = await fixture.Store.QueryAsync(
            _sql.List(new EavListQuery(ItemType.Tenant, ItemType.TypeId, query.Filter, [], null, 10_000)), ItemType.Type);
        var actual = candidates.Where(query.Confirm).Select(e => e.Id).Order(StringComparer.Ordinal).ToList();
        var count = (await fixture.Store.RowsAsync(_sql.Count(ItemType.Tenant, ItemType.TypeId, query.Filter)))[0][0];

        Assert.Equal(expected, actual);
        Assert.Equal(candidates.Count, Convert.ToInt32(count, System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEmpty(expected);
    }

    [Theory]
    [InlineData("s")]
    [InlineData("n")]
    [InlineData("d")]
    [InlineData("b")]
    [InlineData("dt")]
    [InlineData("ts")]
    [InlineData("e")]
    [InlineData("r")]
    public async Task Duplicate_values_group_like_the_canonical_values(string key)
    {
        var attribute = ItemType.Type.FindAttribute(key)!;
        var expected = fixture.Entities
            .Select(e => e.Attributes.Get(key))
            .OfType<AttributeValue>()
            .GroupBy(v => v)
            .Select(g => g.Count())
            .Where(c => c > 1)
            .Order()
            .ToList();

        var rows = await fixture.Store.RowsAsync(_sql.DuplicateValues(ItemType.Tenant, ItemType.TypeId, attribute, 1000));

        Assert.Equal(expected, rows.Select(r => Convert.ToInt32(r[1], System.Globalization.CultureInfo.InvariantCulture)).Order());
    }

    private static SchemaEvolutionPlan Plan(string change)
    {
        var (rule, key) = (change.Split(':')[0], change.Split(':')[1]);
        var attributes = ItemType.Type.Attributes.Select(a => a.Key != key ? a : rule switch
        {
            "required" => a with { Required = true },
            "max_length" => a with { Constraints = a.Constraints with { MaxLength = 1 } },
            "enum" => a with { Constraints = a.Constraints with { EnumValues = ["GREEN"] } },
            "pattern" => a with { Constraints = a.Constraints with { Pattern = "^[a-z]*$" } },
            _ => a with { Constraints = a.Constraints with { Min = Bound(a.Type, low: true), Max = Bound(a.Type, low: false) } },
        }).ToList();
        return ItemType.Type.PlanUpdate(new EntityTypeSpec("Item", "", attributes, [])).Value;
    }

    // Inside the pools, so some values fall on each side of each bound.
    private static AttributeValue Bound(AttributeType type, bool low) => type switch
    {
        AttributeType.Int64 => new Int64Value(low ? -1 : 3),
        AttributeType.Decimal => new DecimalValue(low ? -0.3m : 1m),
        AttributeType.Date => new DateValue(low ? new DateOnly(1999, 12, 31) : new DateOnly(2026, 1, 31)),
        _ => new TimestampValue(low ? new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc) : new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(10)),
    };
}
