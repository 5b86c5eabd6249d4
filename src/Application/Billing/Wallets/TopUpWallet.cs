using Mediator;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Common;
using Platform.Domain.Billing.Wallets;
using Platform.Domain.Common;

namespace Platform.Application.Billing.Wallets;

public sealed record TopUpWalletCommand(string Name, string Amount, string? CurrencyCode, string? Description, string? RequestId)
    : ICommand<Result<WalletWriteView>>, IValidatable
{
    public Error? Validate() =>
        WalletRequests.Common(Name, RequestId).CurrencyCode(CurrencyCode).Text(Description, "description")
            .Check(!string.IsNullOrWhiteSpace(Amount), "amount", "is required: a decimal string such as \"10.00\"").ToError();
}

/// <summary>Adds paid, non-expiring credit: one TOP_UP entry.</summary>
internal sealed class TopUpWalletHandler(WalletWriter writer) : ICommandHandler<TopUpWalletCommand, Result<WalletWriteView>>
{
    public async ValueTask<Result<WalletWriteView>> Handle(TopUpWalletCommand command, CancellationToken ct) =>
        await writer.WriteAsync(WalletNames.Wallet(command.Name).Value, "TopUpWallet", command.RequestId,
            PageToken.Fingerprint(command.Amount, command.CurrencyCode ?? "", command.Description ?? ""), (state, entries) =>
            {
                if (WalletRequests.MatchesWallet(command.CurrencyCode, state.Account.Currency) is { } mismatch)
                {
                    return mismatch;
                }

                var amount = WalletAmounts.Parse(command.Amount, state.Account.Currency, "amount");
                return amount.Map(a => new WalletChange(state.Account, [entries.Create(WalletEntryKind.TopUp, a, command.Description ?? "")]));
            }, ct);
}
