namespace Platform.Domain.Billing.Wallets;

/// <summary>
/// The wallet's settings row. <see cref="Version"/> increases with every write; writers lock the
/// row first, which serializes all writers of one tenant on both databases.
/// </summary>
public sealed record WalletAccount(string TenantId, Currency Currency, BillingMode Mode, long Version, DateTime? UpdateTime)
{
    /// <summary>What every tenant has before its first wallet write.</summary>
    public static WalletAccount Default(string tenantId) => new(tenantId, Currency.Usd, BillingMode.Postpaid, 0, null);
}
