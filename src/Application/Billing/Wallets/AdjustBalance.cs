using Mediator;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Common;
using Platform.Domain.Billing.Wallets;
using Platform.Domain.Common;

namespace Platform.Application.Billing.Wallets;

public sealed record AdjustBalanceCommand(string Name, string Amount, string Reason, string? RequestId) : ICommand<Result<WalletWriteView>>, IValidatable
{
    public Error? Validate() =>
        WalletRequests.Common(Name, RequestId).Text(Reason, "reason", required: true)
            .Check(!string.IsNullOrWhiteSpace(Amount), "amount", "is required: a signed decimal string such as \"-2.50\"").ToError();
}

/// <summary>
/// A positive correction adds top-up credit; a negative one is drawn exactly like consumption
/// (one entry per bucket) and is refused when it exceeds the balance, so no bucket goes negative.
/// </summary>
internal sealed class AdjustBalanceHandler(WalletWriter writer) : ICommandHandler<AdjustBalanceCommand, Result<WalletWriteView>>
{
    public async ValueTask<Result<WalletWriteView>> Handle(AdjustBalanceCommand command, CancellationToken ct)
    {
        var tenantId = WalletNames.Wallet(command.Name).Value;
        return await writer.WriteAsync(tenantId, "AdjustBalance", command.RequestId, PageToken.Fingerprint(command.Amount, command.Reason),
            (state, entries) =>
            {
                if (!WalletAmounts.Parse(command.Amount, state.Account.Currency, "amount", signed: true).TryGetValue(out var amount, out var invalid))
                {
                    return invalid;
                }

                if (amount > 0)
                {
                    return new WalletChange(state.Account, [entries.Create(WalletEntryKind.Adjustment, amount, command.Reason)]);
                }

                var parts = state.Ledger.PlanDraw(-amount, entries.Now);
                if (parts.Sum(p => p.Amount) < -amount)
                {
                    return WalletErrors.InsufficientBalance(tenantId, state.Ledger.Balance(entries.Now), -amount, state.Account.Currency);
                }

                return new WalletChange(state.Account,
                    [.. parts.Select(p => entries.Create(WalletEntryKind.Adjustment, -p.Amount, command.Reason, sourceId: p.SourceId))]);
            }, ct);
    }
}
