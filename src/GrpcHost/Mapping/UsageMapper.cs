using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Platform.Application.Billing;
using Platform.Billing.V1;
using Platform.Domain.Billing;

namespace Platform.GrpcHost.Mapping;

internal static class UsageMapper
{
    public static UsageEventInput ToInput(global::Platform.Billing.V1.UsageEvent e) =>
        new(e.Metric, e.Quantity, e.EventTime?.ToDateTimeOffset(), e.IdempotencyKey, e.Properties);

    public static Usage ToProto(UsageView view) => new()
    {
        Name = UsageNames.UsageOf(view.TenantId),
        PeriodStart = Timestamp.FromDateTimeOffset(view.PeriodStart),
        PeriodEnd = Timestamp.FromDateTimeOffset(view.PeriodEnd),
        Plan = view.PlanId is { } plan ? $"plans/{plan}" : "",
        CurrencyCode = view.CurrencyCode,
        Metrics =
        {
            view.Metrics.Select(m => new global::Platform.Billing.V1.MetricUsage
            {
                Metric = m.Metric,
                Quantity = Number(m.Quantity),
                Included = Number(m.Included),
                ProjectedQuantity = Number(m.ProjectedQuantity),
                ProjectedCharge = Number(m.ProjectedCharge),
                Days = { m.Days.Select(d => new DailyUsage { Date = d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Quantity = Number(d.Quantity) }) },
            }),
        },
    };

    // Amounts keep every digit they have (charges are exact, not rounded to a currency's minor unit).
    private static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
