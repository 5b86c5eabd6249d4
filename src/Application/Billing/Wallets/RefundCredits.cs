using Mediator;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Common;
using Platform.Domain.Billing.Wallets;
using Platform.Domain.Common;

namespace Platform.Application.Billing.Wallets;

/// <param name="Amount">Empty: everything still refundable.</param>
public sealed record RefundCreditsCommand(string Name, string Transaction, string? Amount, string Reason, string? RequestId)
    : ICommand<Result<WalletWriteView>>, IValidatable
{
    public Error? Validate()
    {
        var v = WalletRequests.Common(Name, RequestId).Text(Reason, "reason", required: true)
            .Merge(WalletNames.TransactionOf(Transaction, "transaction").Error);
        if (WalletNames.Wallet(Name).TryGetValue(out var tenant, out _) && WalletNames.TransactionOf(Transaction, "transaction").TryGetValue(out var tx, out _))
        {
            v.Check(tx.TenantId == tenant, "transaction", "must be a transaction of the wallet in name");
        }

        return v.ToError();
    }
}

/// <summary>
/// Gives credit back for one CONSUMPTION entry, to the bucket it was drawn from: a refund of
/// grant-funded spending stays grant credit and expires with the grant.
/// </summary>
internal sealed class RefundCreditsHandler(WalletWriter writer) : ICommandHandler<RefundCreditsCommand, Result<WalletWriteView>>
{
    public async ValueTask<Result<WalletWriteView>> Handle(RefundCreditsCommand command, CancellationToken ct)
    {
        var (tenantId, id) = WalletNames.TransactionOf(command.Transaction, "transaction").Value;
        return await writer.WriteAsync(tenantId, "RefundCredits", command.RequestId,
            PageToken.Fingerprint(command.Transaction, command.Amount ?? "", command.Reason), (state, entries) =>
            {
                if (state.Ledger.Find(id) is not { Kind: WalletEntryKind.Consumption } consumption)
                {
                    return state.Ledger.Find(id) is null
                        ? Error.NotFound(command.Transaction)
                        : Error.Validation("transaction", "must be a CONSUMPTION transaction");
                }

                var refundable = state.Ledger.Refundable(consumption);
                var amount = string.IsNullOrEmpty(command.Amount)
                    ? refundable > 0 ? refundable : (Result<decimal>)Nothing(command.Transaction)
                    : WalletAmounts.Parse(command.Amount, state.Account.Currency, "amount");
                if (!amount.TryGetValue(out var value, out var error))
                {
                    return error;
                }

                if (value > refundable)
                {
                    return Error.InvalidState(command.Transaction, "REFUNDED",
                        $"At most {WalletAmounts.Format(refundable, state.Account.Currency)} of {command.Transaction} can still be refunded.");
                }

                return new WalletChange(state.Account,
                    [entries.Create(WalletEntryKind.Refund, value, command.Reason, sourceId: consumption.SourceId, refundedId: consumption.Id)]);
            }, ct);
    }

    private static Error Nothing(string transaction) => Error.InvalidState(transaction, "REFUNDED", $"{transaction} has been refunded in full.");
}
