using System.Data.Common;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Billing;
using Platform.Domain.Billing;
using Platform.Infrastructure.Eav.Sql;
using static Platform.Infrastructure.Billing.BillingDb;

namespace Platform.Infrastructure.Billing;

/// <summary><see cref="ISubscriptionStore"/> over billing_subscriptions and billing_plan_changes.</summary>
internal sealed class SubscriptionStore(BillingDb db) : ISubscriptionStore
{
    private const string Columns = "tenant_id, subscription_id, status, plan_id, price_version, commitment_term, commitment_start, commitment_end, " +
        "start_time, billing_start, time_zone, anchor_day, anchor_month, interval_months, opened_boundary, next_boundary, end_time, credit_balance, " +
        "revision, create_time";

    public async Task<SubscriptionRecord?> FindLatestAsync(string tenantId, CancellationToken ct) =>
        (await db.QueryAsync(new SqlWriter().Append($"SELECT {Columns} FROM billing_subscriptions WHERE tenant_id = ").Value(Text(tenantId))
            .Append(" ORDER BY create_time DESC, subscription_id DESC LIMIT 1"), Read, ct)).FirstOrDefault();

    public async Task<bool> AddAsync(SubscriptionRecord s, CancellationToken ct)
    {
        var w = new SqlWriter().Append($"INSERT INTO billing_subscriptions ({Columns}) VALUES (");
        Values(w, s);
        return await db.ExecuteAsync(w.Append(") ON CONFLICT DO NOTHING"), ct) > 0;
    }

    public async Task<bool> UpdateAsync(SubscriptionRecord s, long expectedRevision, CancellationToken ct) =>
        await db.ExecuteAsync(new SqlWriter().Append("UPDATE billing_subscriptions SET status = ").Value(Int((int)s.Status))
            .Append(", plan_id = ").Value(Text(s.PeriodPlanId)).Append(", price_version = ").Value(Int(s.PeriodPriceVersion))
            .Append(", opened_boundary = ").Value(BillingDb.Time(s.OpenedBoundary)).Append(", next_boundary = ").Value(BillingDb.Time(s.NextBoundary))
            .Append(", end_time = ").Value(BillingDb.Time(s.EndTime)).Append(", credit_balance = ").Value(Decimal(s.CreditBalance))
            .Append(", revision = ").Value(Int(s.Revision))
            .Append(" WHERE tenant_id = ").Value(Text(s.TenantId)).Append(" AND subscription_id = ").Value(Text(s.SubscriptionId))
            .Append(" AND revision = ").Value(Int(expectedRevision)), ct) == 1;

    public async Task<IReadOnlyList<SubscriptionChangeRecord>> ChangesAsync(string tenantId, string subscriptionId, CancellationToken ct) =>
        await db.QueryAsync(new SqlWriter().Append("SELECT sequence, change_time, plan_id, price_version, timing FROM billing_plan_changes WHERE tenant_id = ")
            .Value(Text(tenantId)).Append(" AND subscription_id = ").Value(Text(subscriptionId)).Append(" ORDER BY sequence"),
            r => new SubscriptionChangeRecord(tenantId, subscriptionId, (int)r.GetInt64(0), ReadTime(r, 1), r.GetString(2), (int)r.GetInt64(3),
                (ChangeTiming)r.GetInt64(4)), ct);

    public async Task AddChangeAsync(SubscriptionChangeRecord c, CancellationToken ct) =>
        await db.ExecuteAsync(new SqlWriter()
            .Append("INSERT INTO billing_plan_changes (tenant_id, subscription_id, sequence, change_time, plan_id, price_version, timing) VALUES (")
            .Value(Text(c.TenantId)).Append(", ").Value(Text(c.SubscriptionId)).Append(", ").Value(Int(c.Sequence)).Append(", ").Value(BillingDb.Time(c.At))
            .Append(", ").Value(Text(c.PlanId)).Append(", ").Value(Int(c.PriceVersion)).Append(", ").Value(Int((int)c.Timing)).Append(")"), ct);

    public async Task<IReadOnlyList<string>> DueTenantsAsync(DateTimeOffset asOf, string? afterTenant, int limit, CancellationToken ct) =>
        await db.QueryAsync(new SqlWriter().Append("SELECT DISTINCT tenant_id FROM billing_subscriptions WHERE next_boundary <= ").Value(BillingDb.Time(asOf))
            .Append(" AND tenant_id > ").Value(Text(afterTenant ?? "")).Append(" ORDER BY tenant_id LIMIT ").Value(Int(limit)), r => r.GetString(0), ct);

    private static void Values(SqlWriter w, SubscriptionRecord s) =>
        w.Value(Text(s.TenantId)).Append(", ").Value(Text(s.SubscriptionId)).Append(", ").Value(Int((int)s.Status)).Append(", ").Value(Text(s.PeriodPlanId))
            .Append(", ").Value(Int(s.PeriodPriceVersion)).Append(", ").Value(Int(s.CommitmentTerm is { } t ? (int)t : null))
            .Append(", ").Value(BillingDb.Time(s.CommitmentStart)).Append(", ").Value(BillingDb.Time(s.CommitmentEnd))
            .Append(", ").Value(BillingDb.Time(s.StartTime)).Append(", ").Value(BillingDb.Time(s.BillingStart)).Append(", ").Value(Text(s.TimeZone))
            .Append(", ").Value(Int(s.AnchorDay)).Append(", ").Value(Int(s.AnchorMonth)).Append(", ").Value(Int((int)s.Interval))
            .Append(", ").Value(BillingDb.Time(s.OpenedBoundary)).Append(", ").Value(BillingDb.Time(s.NextBoundary)).Append(", ").Value(BillingDb.Time(s.EndTime))
            .Append(", ").Value(Decimal(s.CreditBalance)).Append(", ").Value(Int(s.Revision)).Append(", ").Value(BillingDb.Time(s.CreateTime));

    private static SubscriptionRecord Read(DbDataReader r) => new()
    {
        TenantId = r.GetString(0),
        SubscriptionId = r.GetString(1),
        Status = (SubscriptionStatus)r.GetInt64(2),
        PeriodPlanId = r.GetString(3),
        PeriodPriceVersion = (int)r.GetInt64(4),
        CommitmentTerm = r.IsDBNull(5) ? null : (CommitmentTerm)r.GetInt64(5),
        CommitmentStart = ReadNullableTime(r, 6),
        CommitmentEnd = ReadNullableTime(r, 7),
        StartTime = ReadTime(r, 8),
        BillingStart = ReadTime(r, 9),
        TimeZone = r.GetString(10),
        AnchorDay = (int)r.GetInt64(11),
        AnchorMonth = (int)r.GetInt64(12),
        Interval = (BillingInterval)r.GetInt64(13),
        OpenedBoundary = ReadNullableTime(r, 14),
        NextBoundary = ReadNullableTime(r, 15),
        EndTime = ReadNullableTime(r, 16),
        CreditBalance = ReadDecimal(r, 17),
        Revision = r.GetInt64(18),
        CreateTime = ReadUtc(r, 19),
    };
}
