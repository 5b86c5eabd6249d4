using System.Text.Json.Nodes;
using Platform.Domain.Billing;
using static Platform.Infrastructure.Billing.PriceJson;

namespace Platform.Infrastructure.Billing;

/// <summary>
/// Invoice lines as stored: kind, description, amount, plan, metric, the time paid for, quantity,
/// included quantity and each tier's step, every number a decimal string; instants keep their offset.
/// </summary>
internal static class InvoiceJson
{
    public static string Write(IReadOnlyList<InvoiceLine> lines) => new JsonArray([.. lines.Select(Line)]).ToJsonString();

    public static IReadOnlyList<InvoiceLine> Read(string json, Currency currency) =>
        [.. JsonNode.Parse(json)!.AsArray().Select(n => ReadLine(n!, currency))];

    private static JsonObject Line(InvoiceLine l) => new()
    {
        ["kind"] = (int)l.Kind,
        ["description"] = l.Description,
        ["amount"] = S(l.Amount.Amount),
        ["plan"] = l.PlanId,
        ["metric"] = l.Metric,
        ["from"] = l.From?.ToString("O"),
        ["to"] = l.To?.ToString("O"),
        ["quantity"] = l.Quantity is { } q ? S(q) : null,
        ["included"] = l.Included is { } i ? S(i) : null,
        ["charge"] = l.Charge is { } c ? new JsonObject
        {
            ["quantity"] = S(c.Quantity),
            ["steps"] = new JsonArray([.. c.Steps.Select(s => new JsonObject
            {
                ["from"] = S(s.From), ["up_to"] = s.UpTo is { } u ? S(u) : null, ["units"] = S(s.Units), ["billed"] = S(s.Billed),
                ["price"] = S(s.Price), ["flat_fee"] = S(s.FlatFee),
            })]),
        } : null,
    };

    private static InvoiceLine ReadLine(JsonNode n, Currency currency) =>
        new((LineKind)n["kind"]!.GetValue<int>(), n["description"]!.GetValue<string>(), new Money(Dec(n["amount"]), currency))
        {
            PlanId = n["plan"]?.GetValue<string>(),
            Metric = n["metric"]?.GetValue<string>(),
            From = n["from"] is { } f ? DateTimeOffset.Parse(f.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) : null,
            To = n["to"] is { } t ? DateTimeOffset.Parse(t.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) : null,
            Quantity = n["quantity"] is { } q ? Dec(q) : null,
            Included = n["included"] is { } i ? Dec(i) : null,
            Charge = n["charge"] is { } c
                ? new ChargeBreakdown(Dec(c["quantity"]), [.. c["steps"]!.AsArray().Select(s => new ChargeStep(Dec(s!["from"]),
                    s["up_to"] is { } u ? Dec(u) : null, Dec(s["units"]), Dec(s["billed"]), Dec(s["price"]), Dec(s["flat_fee"])))])
                : null,
        };
}
