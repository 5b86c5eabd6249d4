using System.Security.Cryptography;
using System.Text;
using Platform.Application.Abstractions.Billing;
using Platform.Domain.Billing;
using Platform.Domain.Common;

namespace Platform.Application.Billing;

/// <summary>
/// Spends the tenant's wallet on an invoice when it is finalized: min(balance, total) is drawn
/// through <see cref="IWalletConsumption"/> and shown as a negative credits-applied line, so the
/// invoice's total is what remains due.
/// </summary>
/// <remarks>
/// At finalization rather than issue because a draft may still be regenerated (and must come out
/// identical from the same inputs) or voided; a finalized invoice never changes, so it is the one
/// moment the draw is certain to stand. The draw is rounded down to the invoice currency's minor
/// unit (wallet balances carry sub-cent per-call charges) so the line keeps the one-rounding rule
/// and the lines still sum exactly to the total. The idempotency key is derived from the invoice
/// name: a retried finalization replays the first draw instead of drawing again. A wallet in
/// another currency than the invoice is not touched.
/// </remarks>
internal sealed class WalletCredits(IWalletStore wallets, IWalletConsumption consumption, TimeProvider clock)
{
    public const string Description = "Prepaid credit applied from the wallet";

    public static string Key(string invoiceName) =>
        "invoice-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(invoiceName + "#credits")))[..32];

    public async Task<Result<Invoice>> ApplyAsync(InvoiceRecord record, CancellationToken ct)
    {
        var invoice = record.Invoice;
        if (invoice.Total.Amount <= 0m)
        {
            return invoice;
        }

        var state = await wallets.ReadAsync(record.TenantId, ct);
        if (state.Account.Currency != invoice.Currency)
        {
            return invoice;
        }

        var available = decimal.Round(state.Ledger.Balance(clock.GetUtcNow().UtcDateTime), invoice.Currency.Exponent, MidpointRounding.ToZero);

        // With nothing available the full total is asked for: a first draw finds no credit and writes
        // nothing, while a retry after an earlier draw (which emptied the balance) replays that draw.
        var ask = available > 0m ? Money.Min(new Money(available, invoice.Currency), invoice.Total) : invoice.Total;
        if (!(await consumption.ConsumeAsync(record.TenantId, ask, Key(record.Name), $"Invoice {record.InvoiceId}", ct))
            .TryGetValue(out var drawn, out var error))
        {
            return error;
        }

        if (drawn.Consumed.Amount <= 0m)
        {
            return invoice;
        }

        var line = new InvoiceLine(LineKind.CreditApplied, Description, -drawn.Consumed);
        return invoice with { Lines = [.. invoice.Lines, line], Total = invoice.Total - drawn.Consumed };
    }
}
