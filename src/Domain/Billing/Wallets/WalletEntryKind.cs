namespace Platform.Domain.Billing.Wallets;

/// <summary>What a ledger entry records. Values are stored in wallet_entries.kind.</summary>
public enum WalletEntryKind
{
    TopUp = 1,
    Grant = 2,
    Consumption = 3,
    Refund = 4,
    Adjustment = 5,
}
