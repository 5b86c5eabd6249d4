using Platform.Application.Abstractions.Billing;
using Platform.Domain.Billing.Wallets;

namespace Platform.Application.Billing.Wallets;

/// <summary>A wallet as the API shows it, its balance derived at <paramref name="Now"/>.</summary>
public sealed record WalletView(WalletAccount Account, decimal Balance, decimal TopUpBalance, IReadOnlyList<GrantBalance> Grants, DateTime Now)
{
    public static WalletView Of(WalletState state, DateTime now) =>
        new(state.Account, state.Ledger.Balance(now), state.Ledger.TopUpBalance, state.Ledger.AvailableGrants(now), now);
}

/// <summary>A wallet after a write, and the entries the write appended.</summary>
public sealed record WalletWriteView(WalletView Wallet, IReadOnlyList<WalletEntry> Entries);
