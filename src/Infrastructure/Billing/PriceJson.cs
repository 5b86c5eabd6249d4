using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Domain.Billing;

namespace Platform.Infrastructure.Billing;

/// <summary>A price version's metric prices as JSON with decimal strings, so no amount ever passes through a double.</summary>
internal static class PriceJson
{
    public static string Write(IReadOnlyList<MetricPrice> metrics) => new JsonArray([.. metrics.Select(Metric)]).ToJsonString();

    public static IReadOnlyList<MetricPrice> Read(string json) =>
        [.. JsonNode.Parse(json)!.AsArray().Select(n => new MetricPrice(n!["metric"]!.GetValue<string>(), Model(n["model"]!), Dec(n["included"])))];

    private static JsonObject Metric(MetricPrice m) => new()
    {
        ["metric"] = m.Metric,
        ["included"] = S(m.Included),
        ["model"] = m.Model switch
        {
            PerUnitCharge p => new JsonObject { ["kind"] = "per_unit", ["unit_price"] = S(p.UnitPrice) },
            GraduatedCharge g => new JsonObject { ["kind"] = "graduated", ["tiers"] = Tiers(g.Tiers) },
            VolumeCharge v => new JsonObject { ["kind"] = "volume", ["tiers"] = Tiers(v.Tiers) },
            PackageCharge p => new JsonObject { ["kind"] = "package", ["size"] = S(p.Size), ["package_price"] = S(p.PackagePrice), ["free_burst"] = S(p.FreeBurst) },
            _ => throw new InvalidOperationException($"Unknown charge model {m.Model.GetType().Name}."),
        },
    };

    private static ChargeModel Model(JsonNode n) => n["kind"]!.GetValue<string>() switch
    {
        "per_unit" => new PerUnitCharge(Dec(n["unit_price"])),
        "graduated" => new GraduatedCharge(ReadTiers(n["tiers"]!)),
        "volume" => new VolumeCharge(ReadTiers(n["tiers"]!)),
        "package" => new PackageCharge(Dec(n["size"]), Dec(n["package_price"]), Dec(n["free_burst"])),
        var kind => throw new JsonException($"Unknown charge model '{kind}'."),
    };

    private static JsonArray Tiers(IReadOnlyList<PriceTier> tiers) =>
        [.. tiers.Select(t => new JsonObject { ["up_to"] = t.UpTo is { } u ? S(u) : null, ["unit_price"] = S(t.UnitPrice), ["flat_fee"] = S(t.FlatFee) })];

    private static List<PriceTier> ReadTiers(JsonNode n) =>
        [.. n.AsArray().Select(t => new PriceTier(t!["up_to"] is { } u ? Dec(u) : null, Dec(t["unit_price"]), Dec(t["flat_fee"])))];

    public static string S(decimal d) => d.ToString(CultureInfo.InvariantCulture);

    public static decimal Dec(JsonNode? n) => n is null ? 0m : decimal.Parse(n.GetValue<string>(), NumberStyles.Number, CultureInfo.InvariantCulture);
}
