using System.Data.Common;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Billing;
using Platform.Domain.Billing;
using Platform.Infrastructure.Eav.Sql;
using static Platform.Infrastructure.Billing.BillingDb;

namespace Platform.Infrastructure.Billing;

/// <summary><see cref="IBillingCatalog"/> over billing_plan_prices and billing_metrics.</summary>
internal sealed class BillingCatalog(BillingDb db) : IBillingCatalog
{
    private const string PriceColumns = "plan_id, version, currency, interval_months, base_fee, trial_days, metrics, create_time";

    public async Task<bool> AddPriceAsync(StoredPrice price, CancellationToken ct)
    {
        var p = price.Price;
        var w = new SqlWriter().Append($"INSERT INTO billing_plan_prices ({PriceColumns}) VALUES (")
            .Value(Text(p.PlanId)).Append(", ").Value(Int(p.Version)).Append(", ").Value(Text(p.Currency.Code)).Append(", ").Value(Int((int)p.Interval))
            .Append(", ").Value(Decimal(p.BaseFee.Amount)).Append(", ").Value(Int(price.TrialDays)).Append(", ").Value(Text(PriceJson.Write(p.Metrics)))
            .Append(", ").Value(BillingDb.Time(price.CreateTime)).Append(") ON CONFLICT DO NOTHING");
        if (await db.ExecuteAsync(w, ct) == 0)
        {
            return false;
        }

        // Which metrics a version charges, so a priced metric is never deleted.
        foreach (var metric in p.Metrics)
        {
            await db.ExecuteAsync(new SqlWriter().Append("INSERT INTO billing_price_metrics (metric_id, plan_id, version) VALUES (").Value(Text(metric.Metric))
                .Append(", ").Value(Text(p.PlanId)).Append(", ").Value(Int(p.Version)).Append(") ON CONFLICT DO NOTHING"), ct);
        }

        return true;
    }

    public async Task<StoredPrice?> FindPriceAsync(string planId, int version, CancellationToken ct) =>
        (await db.QueryAsync(new SqlWriter().Append($"SELECT {PriceColumns} FROM billing_plan_prices WHERE plan_id = ").Value(Text(planId))
            .Append(" AND version = ").Value(Int(version)), ReadPrice, ct)).FirstOrDefault();

    public async Task<StoredPrice?> FindCurrentPriceAsync(string planId, CancellationToken ct) =>
        (await db.QueryAsync(new SqlWriter().Append($"SELECT {PriceColumns} FROM billing_plan_prices WHERE plan_id = ").Value(Text(planId))
            .Append(" ORDER BY version DESC LIMIT 1"), ReadPrice, ct)).FirstOrDefault();

    public async Task<IReadOnlyList<StoredPrice>> ListPricesAsync(string planId, int afterVersion, int limit, CancellationToken ct) =>
        await db.QueryAsync(new SqlWriter().Append($"SELECT {PriceColumns} FROM billing_plan_prices WHERE plan_id = ").Value(Text(planId))
            .Append(" AND version > ").Value(Int(afterVersion)).Append(" ORDER BY version LIMIT ").Value(Int(limit)), ReadPrice, ct);

    public async Task<bool> AnyPriceAsync(CancellationToken ct) =>
        (await db.QueryAsync(new SqlWriter().Append("SELECT 1 FROM billing_plan_prices LIMIT 1"), _ => 1, ct)).Count > 0;

    public async Task<bool> AddMetricAsync(BillableMetricDefinition m, CancellationToken ct) =>
        await db.ExecuteAsync(new SqlWriter()
            .Append("INSERT INTO billing_metrics (metric_id, display_name, aggregation, unique_property, built_in, create_time) VALUES (")
            .Value(Text(m.Id)).Append(", ").Value(Text(m.DisplayName)).Append(", ").Value(Int((int)m.Aggregation)).Append(", ").Value(Text(m.UniqueProperty))
            .Append(", ").Value(Int(m.BuiltIn ? 1 : 0)).Append(", ").Value(BillingDb.Time(m.CreateTime)).Append(") ON CONFLICT DO NOTHING"), ct) > 0;

    public async Task<BillableMetricDefinition?> FindMetricAsync(string id, CancellationToken ct) =>
        (await db.QueryAsync(new SqlWriter().Append("SELECT metric_id, display_name, aggregation, unique_property, built_in, create_time FROM billing_metrics WHERE metric_id = ")
            .Value(Text(id)), ReadMetric, ct)).FirstOrDefault();

    public async Task<IReadOnlyList<BillableMetricDefinition>> ListMetricsAsync(string? afterId, int limit, CancellationToken ct) =>
        await db.QueryAsync(new SqlWriter().Append("SELECT metric_id, display_name, aggregation, unique_property, built_in, create_time FROM billing_metrics WHERE metric_id > ")
            .Value(Text(afterId ?? "")).Append(" ORDER BY metric_id LIMIT ").Value(Int(limit)), ReadMetric, ct);

    public async Task<bool> IsMetricPricedAsync(string id, CancellationToken ct) =>
        (await db.QueryAsync(new SqlWriter().Append("SELECT 1 FROM billing_price_metrics WHERE metric_id = ").Value(Text(id)).Append(" LIMIT 1"), _ => 1, ct)).Count > 0;

    public async Task DeleteMetricAsync(string id, CancellationToken ct) =>
        await db.ExecuteAsync(new SqlWriter().Append("DELETE FROM billing_metrics WHERE built_in = 0 AND metric_id = ").Value(Text(id)), ct);

    private static StoredPrice ReadPrice(DbDataReader r)
    {
        var currency = Currency.Of(r.GetString(2)).Value;
        var price = PlanPrice.Create(r.GetString(0), (int)r.GetInt64(1), (BillingInterval)r.GetInt64(3), new Money(ReadDecimal(r, 4), currency),
            PriceJson.Read(r.GetString(6))).Value;
        return new StoredPrice(price, (int)r.GetInt64(5), ReadUtc(r, 7));
    }

    private static BillableMetricDefinition ReadMetric(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), (UsageAggregation)r.GetInt64(2), ReadNullableText(r, 3), r.GetInt64(4) == 1, ReadUtc(r, 5));
}
