using Platform.Application.Abstractions.Billing;
using Platform.Domain.Billing;
using Platform.Domain.Billing.Wallets;
using Platform.Domain.Common;

namespace Platform.Application.Billing.Wallets;

/// <summary>
/// Records platform spending under the wallet lock: the draw is planned on the ledger as it is
/// at that moment, so concurrent consumptions and top-ups are applied one after the other.
/// </summary>
internal sealed class WalletConsumption(IWalletStore store, TimeProvider clock) : IWalletConsumption
{
    public const int MaxKeyLength = 200;

    public async Task<Result<ConsumptionResult>> ConsumeAsync(string tenantId, Money amount, string idempotencyKey, string description,
        CancellationToken ct)
    {
        if (WalletAmounts.CheckConsumption(amount.Amount) is { } invalid)
        {
            return invalid;
        }

        if (string.IsNullOrEmpty(idempotencyKey) || idempotencyKey.Length > MaxKeyLength)
        {
            return Error.Validation("idempotency_key", $"must be 1 to {MaxKeyLength} characters");
        }

        var key = WalletKeys.Consumption(idempotencyKey);
        var fingerprint = amount.ToString();
        var now = clock.GetUtcNow().UtcDateTime;
        var written = await store.WriteAsync(tenantId, state =>
        {
            if (state.Ledger.WrittenBy(key) is { Count: > 0 } earlier)
            {
                return WalletChange.Replay(state, earlier);
            }

            if (amount.Currency != state.Account.Currency)
            {
                return Error.Validation("amount", $"is in {amount.Currency.Code}; the wallet is in {state.Account.Currency.Code}");
            }

            var part = 0;
            var entries = state.Ledger.PlanDraw(amount.Amount, now).Select(p => new WalletEntry(0, WalletEntry.NewId(), WalletEntryKind.Consumption,
                -p.Amount, p.SourceId, null, 0, null, key, fingerprint, part++, description, "platform", now)).ToList();
            return new WalletChange(state.Account, entries);
        }, ct);

        return written.Map(w =>
        {
            var currency = w.State.Account.Currency;
            var consumed = -w.Entries.Sum(e => e.Amount);
            return new ConsumptionResult(new Money(consumed, currency), new Money(amount.Amount - consumed, currency),
                new Money(w.State.Ledger.Balance(now), currency), w.Replayed);
        });
    }
}
