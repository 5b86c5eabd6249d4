using Platform.Application.Billing.Wallets;
using Platform.Billing.V1;
using Platform.Domain.Billing;
using Platform.Domain.Billing.Wallets;

namespace Platform.GrpcHost.Mapping;

internal static class WalletMapper
{
    public static Wallet ToProto(WalletView view)
    {
        var currency = view.Account.Currency;
        var tenantId = view.Account.TenantId;
        var wallet = new Wallet
        {
            Name = WalletNames.Of(tenantId),
            CurrencyCode = currency.Code,
            BillingMode = view.Account.Mode == BillingMode.Prepaid ? Wallet.Types.BillingMode.Prepaid : Wallet.Types.BillingMode.Postpaid,
            Balance = WalletAmounts.Format(view.Balance, currency),
            TopUpBalance = WalletAmounts.Format(view.TopUpBalance, currency),
            Version = view.Account.Version,
            UpdateTime = Timestamps.ToProto(view.Account.UpdateTime),
        };
        wallet.AvailableGrants.AddRange(view.Grants.Select(g => new WalletGrant
        {
            Transaction = WalletNames.Transaction(tenantId, g.Grant.Id),
            Amount = WalletAmounts.Format(g.Grant.Amount, currency),
            Remaining = WalletAmounts.Format(g.Remaining, currency),
            Priority = g.Grant.Priority,
            ExpireTime = Timestamps.ToProto(g.Grant.ExpireTime),
            Description = g.Grant.Description,
        }));
        return wallet;
    }

    public static WalletWriteResponse ToProto(WalletWriteView view)
    {
        var response = new WalletWriteResponse { Wallet = ToProto(view.Wallet) };
        response.Transactions.AddRange(view.Entries.Select(e => ToProto(view.Wallet.Account.TenantId, view.Wallet.Account.Currency, e)));
        return response;
    }

    public static ListWalletTransactionsResponse ToProto(WalletTransactionsPage page)
    {
        var response = new ListWalletTransactionsResponse { NextPageToken = page.NextPageToken ?? "" };
        response.Transactions.AddRange(page.Entries.Select(e => ToProto(page.TenantId, page.Currency, e)));
        return response;
    }

    public static WalletTransaction ToProto(string tenantId, Currency currency, WalletEntry e) => new()
    {
        Name = WalletNames.Transaction(tenantId, e.Id),
        Kind = (WalletTransaction.Types.Kind)(int)e.Kind,
        Amount = WalletAmounts.Format(e.Amount, currency),
        CurrencyCode = currency.Code,
        SourceGrant = e.Kind != WalletEntryKind.Grant && e.SourceId is { } source ? WalletNames.Transaction(tenantId, source) : "",
        ExpireTime = Timestamps.ToProto(e.ExpireTime),
        Priority = e.Priority,
        RefundedTransaction = e.RefundedId is { } refunded ? WalletNames.Transaction(tenantId, refunded) : "",
        Description = e.Description,
        RequestId = RequestIdOf(e.RequestKey),
        Actor = e.Actor,
        CreateTime = Timestamps.ToProto(e.CreateTime),
    };

    public static BillingMode? ToDomain(Wallet.Types.BillingMode mode) => mode switch
    {
        Wallet.Types.BillingMode.Postpaid => BillingMode.Postpaid,
        Wallet.Types.BillingMode.Prepaid => BillingMode.Prepaid,
        Wallet.Types.BillingMode.Unspecified => null,
        _ => (BillingMode)(int)mode, // refused by validation, naming the field
    };

    // Stored keys are namespaced by method ("TopUpWallet:abc"); the client sent "abc".
    private static string RequestIdOf(string? key) => key is null ? "" : key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..];
}
