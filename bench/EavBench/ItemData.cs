using System.Globalization;
using System.Text;
using Google.Protobuf.WellKnownTypes;
using Platform.Eav.V1;

namespace Platform.Bench.EavBench;

/// <summary>One generated entity of the <c>item</c> type.</summary>
internal readonly record struct Item(string Id, string Status, string Category, long Qty, decimal Price, DateTime Created, string Title, string Body, bool Active);

/// <summary>
/// The <c>item</c> schema and its data, generated from a seed per (tenant, index), so a run is
/// reproducible and every stream can make its own slice. Distributions (what the queries select):
/// status A 40 %, B 25 %, C 15 %, D 10 %, E 10 %; category C00–C19 uniform; qty 0–9,999;
/// price 0.01–9,999.99; created uniform over 2025 (to the second); active 70 % true.
/// </summary>
internal static class ItemData
{
    public const string TypeId = "item";
    public static readonly DateTime CreatedFrom = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime CreatedTo = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly string[] Statuses = ["A", "B", "C", "D", "E"];
    public static readonly string[] Categories = [.. Enumerable.Range(0, 20).Select(i => $"C{i:D2}")];

    private static readonly int[] StatusWeights = [40, 25, 15, 10, 10];
    private static readonly string[] Words =
    [
        "amber", "bolt", "cedar", "delta", "ember", "fjord", "garnet", "harbor", "indigo", "juniper", "kestrel", "lumen",
        "maple", "nickel", "onyx", "prairie", "quartz", "raven", "sierra", "timber", "umber", "violet", "willow", "xenon",
        "yarrow", "zephyr", "anchor", "bramble", "copper", "dune", "everest", "falcon",
    ];

    public static string BigId(int index) => string.Create(CultureInfo.InvariantCulture, $"i{index:D7}");

    public static string SmallId(int index) => string.Create(CultureInfo.InvariantCulture, $"s{index:D7}");

    public static Item Generate(string id, int seed, int index)
    {
        var rng = new Random(unchecked((seed * 1_000_003) + index));
        var roll = rng.Next(100);
        var status = 0;
        for (var acc = StatusWeights[0]; roll >= acc; acc += StatusWeights[++status])
        {
        }

        var category = Categories[rng.Next(Categories.Length)];
        var qty = rng.Next(10_000);
        var price = rng.Next(1, 1_000_000) / 100m;
        var seconds = rng.NextInt64((long)(CreatedTo - CreatedFrom).TotalSeconds);
        var title = $"{Words[rng.Next(Words.Length)]} {Words[rng.Next(Words.Length)]} {index.ToString(CultureInfo.InvariantCulture)}";
        var body = new StringBuilder(256);
        for (var n = 20 + rng.Next(20); n > 0; n--)
        {
            body.Append(Words[rng.Next(Words.Length)]).Append(n > 1 ? ' ' : '.');
        }

        return new Item(id, Statuses[status], category, qty, price, CreatedFrom.AddSeconds(seconds), title, body.ToString(), rng.Next(10) < 7);
    }

    /// <summary>The entity as sent to ImportEntities: INT64 and DECIMAL as exact strings, the timestamp as RFC 3339.</summary>
    public static Entity ToEntity(Item item)
    {
        var attributes = new Struct();
        attributes.Fields["status"] = Value.ForString(item.Status);
        attributes.Fields["category"] = Value.ForString(item.Category);
        attributes.Fields["qty"] = Value.ForString(item.Qty.ToString(CultureInfo.InvariantCulture));
        attributes.Fields["price"] = Value.ForString(item.Price.ToString(CultureInfo.InvariantCulture));
        attributes.Fields["created"] = Value.ForString(Timestamp(item.Created));
        attributes.Fields["title"] = Value.ForString(item.Title);
        attributes.Fields["body"] = Value.ForString(item.Body);
        attributes.Fields["active"] = Value.ForBool(item.Active);
        return new Entity { Name = item.Id, Attributes = attributes };
    }

    public static string Timestamp(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// The <c>item</c> type. Indexed (the big tenant, and the others with --small-indexed): the
    /// attributes the queries use are filterable / sortable and Q1's shape has a query hint, so
    /// the type gets 7 single-attribute indexes and one composite. Plain: the same attributes with
    /// no index at all, so that 999 tenants do not put ~8,000 partial indexes on one table.
    /// </summary>
    public static EntityType Schema(bool indexed)
    {
        var type = new EntityType { DisplayName = "Item", Description = "EAV benchmark item" };
        type.Attributes.Add(Attribute("status", AttributeType.Enum, indexed, indexed, Statuses));
        type.Attributes.Add(Attribute("category", AttributeType.Enum, indexed, false, Categories));
        type.Attributes.Add(Attribute("qty", AttributeType.Int64, indexed, indexed));
        type.Attributes.Add(Attribute("price", AttributeType.Decimal, indexed, indexed));
        type.Attributes.Add(Attribute("created", AttributeType.Timestamp, indexed, indexed));
        type.Attributes.Add(Attribute("title", AttributeType.String, indexed, false));
        type.Attributes.Add(Attribute("body", AttributeType.Text, false, false));
        type.Attributes.Add(Attribute("active", AttributeType.Bool, indexed, false));
        if (indexed)
        {
            type.QueryHints.Add(new QueryHint { FilterKeys = { "status", "category" }, SortKey = "created" });
        }

        return type;
    }

    private static AttributeDefinition Attribute(string key, AttributeType type, bool filterable, bool sortable, string[]? enumValues = null)
    {
        var a = new AttributeDefinition { Key = key, Type = type, Filterable = filterable, Sortable = sortable };
        if (enumValues is not null)
        {
            a.Constraints = new AttributeConstraints { EnumValues = { enumValues } };
        }

        return a;
    }
}
