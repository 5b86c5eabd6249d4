using Platform.Domain.Common;

namespace Platform.Domain.Billing.Wallets;

public static class WalletErrors
{
    /// <summary>FAILED_PRECONDITION / INSUFFICIENT_BALANCE: the balance cannot cover <paramref name="required"/>.</summary>
    public static Error InsufficientBalance(string tenantId, decimal balance, decimal required, Currency currency) =>
        Error.Custom(ErrorKind.PreconditionFailed, ErrorReasons.InsufficientBalance,
            $"The wallet balance ({WalletAmounts.Format(balance, currency)} {currency.Code}) cannot cover "
            + $"{WalletAmounts.Format(required, currency)} {currency.Code}; top up tenants/{tenantId}/wallet and retry.",
            metadata: new Dictionary<string, string>
            {
                ["wallet"] = $"tenants/{tenantId}/wallet",
                ["balance"] = WalletAmounts.Format(Math.Max(balance, 0), currency),
                ["required"] = WalletAmounts.Format(required, currency),
                ["currency_code"] = currency.Code,
            });

    public static Error CurrencyMismatch(string field, Currency wallet) =>
        Error.Validation(field, $"must be the wallet's currency {wallet.Code} (or empty)");
}
