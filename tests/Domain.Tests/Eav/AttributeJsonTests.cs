using System.Text.Json;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;

namespace Platform.Domain.Tests.Eav;

public sealed class AttributeJsonTests
{
    [Fact]
    public void Canonical_json_orders_keys_and_writes_every_type_exactly()
    {
        var map = new AttributeMap(new Dictionary<string, AttributeValue>
        {
            ["seen"] = new TimestampValue(new DateTime(2026, 1, 2, 3, 4, 5, DateTimeKind.Utc)),
            ["price"] = new DecimalValue(12345678901234567890.12345678m),
            ["active"] = new BoolValue(true),
            ["name"] = new TextValue("Café \"1\""),
            ["place"] = new GeoPointValue(52.5, 13.4),
            ["released"] = new DateValue(new DateOnly(2026, 1, 31)),
            ["stock"] = new Int64Value(long.MaxValue),
            ["tags"] = new ListValue([new TextValue("a"), new TextValue("b")]),
        });

        Assert.Equal(
            """{"active":true,"name":"Café \"1\"","place":{"lat":52.5,"lon":13.4},"price":12345678901234567890.12345678,"released":"2026-01-31","seen":"2026-01-02T03:04:05.000000Z","stock":9223372036854775807,"tags":["a","b"]}""",
            AttributeJson.Serialize(map));
    }

    [Fact]
    public void Stored_json_reads_back_to_the_same_map_and_skips_storage_keys()
    {
        var type = Samples.Product();
        var map = EntityAttributes.Validate(type, new Dictionary<string, AttributeValue>
        {
            ["sku"] = new TextValue("ABC-1"),
            ["price"] = new DecimalValue(0.1m + 0.2m),
            ["seen"] = new TimestampValue(Samples.Now),
            ["place"] = new GeoPointValue(-33.9, 151.2),
            ["tags"] = new ListValue([new TextValue("x")]),
        }, applyDefaults: true).Value;
        var stored = AttributeJson.Serialize(map).TrimEnd('}') + ""","~price":"2270.3"}""";

        var read = AttributeJsonReader.ReadStored(type, stored);

        Assert.Equal(map.OrderBy(p => p.Key, StringComparer.Ordinal), read.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(new DecimalValue(0.3m), read["price"]);
    }

    [Fact]
    public void Wire_json_accepts_proto3_spellings()
    {
        var type = Samples.Product();
        using var json = JsonDocument.Parse("""{"sku":"ABC-7","stock":"42","price":"1.50","seen":"2026-01-01T01:00:00+01:00","place":{"latitude":1,"longitude":2}}""");

        var map = EntityAttributes.ValidateJson(type, json.RootElement, applyDefaults: false).Value;

        Assert.Equal(new Int64Value(42), map["stock"]);
        Assert.Equal("1.5", AttributeValueText.Format(map["price"]));
        Assert.Equal("2026-01-01T00:00:00.000000Z", AttributeValueText.Format(map["seen"]));
        Assert.Equal(new GeoPointValue(1, 2), map["place"]);
    }

    [Fact]
    public void Wire_json_of_the_wrong_shape_is_one_violation_per_attribute()
    {
        var type = Samples.Product();
        using var json = JsonDocument.Parse("""{"sku":7,"stock":1.5,"price":"NaN","active":"yes","released":"31.01.2026","tags":"x","colour":"red","seen":null}""");

        var error = EntityAttributes.ValidateJson(type, json.RootElement, applyDefaults: false).Error!;

        Assert.Equal(
            ["attributes.active", "attributes.colour", "attributes.price", "attributes.released", "attributes.sku", "attributes.stock", "attributes.tags"],
            error.Violations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }
}
