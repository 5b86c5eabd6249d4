using Mediator;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Common;
using Platform.Domain.Billing;
using Platform.Domain.Billing.Wallets;
using Platform.Domain.Common;

namespace Platform.Application.Billing.Wallets;

/// <param name="CurrencyCode">The new currency, or null to keep it.</param>
/// <param name="Mode">The new billing mode, or null to keep it.</param>
public sealed record UpdateWalletCommand(string Name, string? CurrencyCode, BillingMode? Mode) : ICommand<Result<WalletView>>, IValidatable
{
    public Error? Validate() =>
        new Validation().Merge(WalletNames.Wallet(Name).Error, "wallet").CurrencyCode(CurrencyCode, "wallet.currency_code")
            .Check(Mode is null || Enum.IsDefined(Mode.Value), "wallet.billing_mode", "must be BILLING_MODE_POSTPAID or BILLING_MODE_PREPAID").ToError();
}

/// <summary>
/// Changes the settings under the wallet lock. The currency changes only while the ledger is
/// empty: converting recorded amounts would need an exchange rate nobody agreed to.
/// </summary>
internal sealed class UpdateWalletHandler(WalletWriter writer) : ICommandHandler<UpdateWalletCommand, Result<WalletView>>
{
    public async ValueTask<Result<WalletView>> Handle(UpdateWalletCommand command, CancellationToken ct)
    {
        var tenantId = WalletNames.Wallet(command.Name, "wallet.name").Value;
        var written = await writer.WriteAsync(tenantId, "UpdateWallet", null, "", (state, _) =>
        {
            var account = state.Account;
            if (command.CurrencyCode is { } code && code != account.Currency.Code)
            {
                if (!state.Ledger.IsEmpty)
                {
                    return Error.InvalidState(command.Name, "HAS_ENTRIES", "The currency of a wallet can change only while its ledger is empty.");
                }

                account = account with { Currency = Currency.Of(code).Value };
            }

            return new WalletChange(account with { Mode = command.Mode ?? account.Mode }, []);
        }, ct);
        return written.Map(w => w.Wallet);
    }
}
