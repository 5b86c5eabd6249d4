using Platform.Application.Abstractions.Billing;
using Platform.Infrastructure.Eav.Sql;
using static Platform.Infrastructure.Billing.BillingDb;

namespace Platform.Infrastructure.Billing;

/// <summary>A row in billing_leases taken with one conditional upsert: free, expired or already ours.</summary>
internal sealed class BillingRunLease(BillingDb db) : IBillingRunLease
{
    private const string LeaseName = "invoice-run";

    public async Task<bool> TryAcquireAsync(string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken ct) =>
        await db.ExecuteAsync(new SqlWriter().Append("INSERT INTO billing_leases (name, holder, expires_at) VALUES (").Value(Text(LeaseName)).Append(", ")
            .Value(Text(holder)).Append(", ").Value(BillingDb.Time(until))
            .Append(") ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at WHERE billing_leases.expires_at < ")
            .Value(BillingDb.Time(now)).Append(" OR billing_leases.holder = ").Value(Text(holder)), ct) == 1;

    public async Task ReleaseAsync(string holder, CancellationToken ct) =>
        await db.ExecuteAsync(new SqlWriter().Append("DELETE FROM billing_leases WHERE name = ").Value(Text(LeaseName)).Append(" AND holder = ")
            .Value(Text(holder)), ct);
}
