using Platform.Application.Common;
using Platform.Domain.Billing;
using Platform.Domain.Common;

namespace Platform.Application.Billing.Wallets;

/// <summary>Shape rules shared by the wallet writes (amounts are checked later, against the wallet's currency).</summary>
internal static class WalletRequests
{
    public const int MaxText = 500;

    public static Validation Common(string name, string? requestId) =>
        new Validation().Merge(WalletNames.Wallet(name).Error).Also(v => RequestIds.Check(v, requestId));

    public static Validation Text(this Validation v, string? text, string field, bool required = false) =>
        v.Check(!required || !string.IsNullOrWhiteSpace(text), field, "is required")
         .Check(text is null || text.Length <= MaxText, field, $"must be at most {MaxText} characters");

    /// <summary>An optional currency guard: empty, or a supported ISO 4217 code.</summary>
    public static Validation CurrencyCode(this Validation v, string? code, string field = "currency_code") =>
        string.IsNullOrEmpty(code) ? v : v.Merge(Currency.Of(code, field).Error);

    /// <summary>The guard against the wallet's currency, once the wallet is read.</summary>
    public static Error? MatchesWallet(string? code, Currency wallet, string field = "currency_code") =>
        string.IsNullOrEmpty(code) || code == wallet.Code ? null : Domain.Billing.Wallets.WalletErrors.CurrencyMismatch(field, wallet);

    private static Validation Also(this Validation v, Action<Validation> add)
    {
        add(v);
        return v;
    }
}
