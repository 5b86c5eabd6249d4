using System.Data.Common;
using System.Text.Json;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Billing;
using Platform.Domain.Billing;
using Platform.Infrastructure.Eav.Sql;
using static Platform.Infrastructure.Billing.BillingDb;

namespace Platform.Infrastructure.Billing;

/// <summary><see cref="IInvoiceStore"/> over billing_invoices; UNIQUE (tenant_id, subscription_id, boundary) claims a boundary once.</summary>
internal sealed class InvoiceStore(BillingDb db) : IInvoiceStore
{
    private const string Columns = "tenant_id, invoice_id, subscription_id, boundary, state, closes_start, closes_end, opens_start, opens_end, plan_id, " +
        "price_version, currency, total, credit_before, credit_after, lines, etag, create_time, finalize_time, paid_time, payments";

    public async Task<bool> AddAsync(InvoiceRecord i, CancellationToken ct) =>
        await db.ExecuteAsync(new SqlWriter().Append($"INSERT INTO billing_invoices ({Columns}) VALUES (").Value(Text(i.TenantId)).Append(", ")
            .Value(Text(i.InvoiceId)).Append(", ").Value(Text(i.SubscriptionId)).Append(", ").Value(BillingDb.Time(i.Boundary)).Append(", ")
            .Value(Int((int)i.State)).Append(", ").Value(BillingDb.Time(i.Closes?.Start)).Append(", ").Value(BillingDb.Time(i.Closes?.End)).Append(", ")
            .Value(BillingDb.Time(i.Opens?.Start)).Append(", ").Value(BillingDb.Time(i.Opens?.End)).Append(", ").Value(Text(i.PlanId)).Append(", ")
            .Value(Int(i.PriceVersion)).Append(", ").Value(Text(i.Invoice.Currency.Code)).Append(", ").Value(Decimal(i.Invoice.Total.Amount)).Append(", ")
            .Value(Decimal(i.CreditBefore)).Append(", ").Value(Decimal(i.Invoice.CreditBalanceAfter.Amount)).Append(", ")
            .Value(Text(InvoiceJson.Write(i.Invoice.Lines))).Append(", ").Value(Text(i.Etag)).Append(", ").Value(BillingDb.Time(i.CreateTime)).Append(", ")
            .Value(BillingDb.Time(i.FinalizeTime)).Append(", ").Value(BillingDb.Time(i.PaidTime)).Append(", ").Value(Text(Payments(i.Payments)))
            .Append(") ON CONFLICT DO NOTHING"), ct) > 0;

    public async Task<bool> UpdateAsync(InvoiceRecord i, string expectedEtag, CancellationToken ct) =>
        await db.ExecuteAsync(new SqlWriter().Append("UPDATE billing_invoices SET state = ").Value(Int((int)i.State))
            .Append(", total = ").Value(Decimal(i.Invoice.Total.Amount)).Append(", credit_after = ").Value(Decimal(i.Invoice.CreditBalanceAfter.Amount))
            .Append(", lines = ").Value(Text(InvoiceJson.Write(i.Invoice.Lines))).Append(", etag = ").Value(Text(i.Etag))
            .Append(", finalize_time = ").Value(BillingDb.Time(i.FinalizeTime)).Append(", paid_time = ").Value(BillingDb.Time(i.PaidTime))
            .Append(", payments = ").Value(Text(Payments(i.Payments)))
            .Append(" WHERE tenant_id = ").Value(Text(i.TenantId)).Append(" AND invoice_id = ").Value(Text(i.InvoiceId))
            .Append(" AND etag = ").Value(Text(expectedEtag)), ct) == 1;

    public async Task<InvoiceRecord?> FindAsync(string tenantId, string invoiceId, CancellationToken ct) =>
        (await db.QueryAsync(new SqlWriter().Append($"SELECT {Columns} FROM billing_invoices WHERE tenant_id = ").Value(Text(tenantId))
            .Append(" AND invoice_id = ").Value(Text(invoiceId)), Read, ct)).FirstOrDefault();

    public async Task<InvoiceRecord?> FindByBoundaryAsync(string tenantId, string subscriptionId, DateTimeOffset boundary, CancellationToken ct) =>
        (await db.QueryAsync(new SqlWriter().Append($"SELECT {Columns} FROM billing_invoices WHERE tenant_id = ").Value(Text(tenantId))
            .Append(" AND subscription_id = ").Value(Text(subscriptionId)).Append(" AND boundary = ").Value(BillingDb.Time(boundary)), Read, ct)).FirstOrDefault();

    public async Task<IReadOnlyList<InvoiceRecord>> ListAsync(string tenantId, (long Boundary, string Id)? after, int limit, CancellationToken ct)
    {
        var w = new SqlWriter().Append($"SELECT {Columns} FROM billing_invoices WHERE tenant_id = ").Value(Text(tenantId));
        if (after is { } a)
        {
            w.Append(" AND (boundary < ").Value(Int(a.Boundary)).Append(" OR (boundary = ").Value(Int(a.Boundary)).Append(" AND invoice_id < ")
                .Value(Text(a.Id)).Append("))");
        }

        return await db.QueryAsync(w.Append(" ORDER BY boundary DESC, invoice_id DESC LIMIT ").Value(Int(limit)), Read, ct);
    }

    private static string Payments(IReadOnlyList<PaymentAttemptRecord> payments) => JsonSerializer.Serialize(payments);

    private static InvoiceRecord Read(DbDataReader r)
    {
        var currency = Currency.Of(r.GetString(11)).Value;
        var lines = InvoiceJson.Read(r.GetString(15), currency);
        return new InvoiceRecord
        {
            TenantId = r.GetString(0),
            InvoiceId = r.GetString(1),
            SubscriptionId = r.GetString(2),
            Boundary = ReadTime(r, 3),
            State = (InvoiceState)r.GetInt64(4),
            Closes = r.IsDBNull(5) ? null : new BillingPeriod(ReadTime(r, 5), ReadTime(r, 6)),
            Opens = r.IsDBNull(7) ? null : new BillingPeriod(ReadTime(r, 7), ReadTime(r, 8)),
            PlanId = r.GetString(9),
            PriceVersion = (int)r.GetInt64(10),
            Invoice = new Invoice(currency, lines, new Money(ReadDecimal(r, 12), currency), new Money(ReadDecimal(r, 14), currency)),
            CreditBefore = ReadDecimal(r, 13),
            Etag = r.GetString(16),
            CreateTime = ReadUtc(r, 17),
            FinalizeTime = ReadNullableTime(r, 18)?.UtcDateTime,
            PaidTime = ReadNullableTime(r, 19)?.UtcDateTime,
            Payments = JsonSerializer.Deserialize<List<PaymentAttemptRecord>>(r.GetString(20)) ?? [],
        };
    }
}
