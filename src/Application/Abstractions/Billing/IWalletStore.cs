using Platform.Domain.Billing.Wallets;
using Platform.Domain.Common;

namespace Platform.Application.Abstractions.Billing;

/// <summary>
/// The wallet row and its append-only ledger. Every write runs under the tenant's wallet lock
/// (the row is updated first in the transaction), so writers of one tenant are serialized on both
/// databases: the decision is taken on the ledger as it is, and nothing is lost or doubled.
/// </summary>
public interface IWalletStore
{
    /// <summary>The wallet and all its entries read in one statement (a consistent snapshot).</summary>
    Task<WalletState> ReadAsync(string tenantId, CancellationToken ct);

    /// <summary>The settings row alone (defaults before the first write).</summary>
    Task<WalletAccount> ReadAccountAsync(string tenantId, CancellationToken ct);

    /// <summary>
    /// Locks the wallet, hands its current state to <paramref name="decide"/> and applies what it
    /// returns in the same transaction. An error or a change without entries and settings writes nothing.
    /// </summary>
    Task<Result<WalletWriteResult>> WriteAsync(string tenantId, Func<WalletState, Result<WalletChange>> decide, CancellationToken ct);

    /// <summary>Newest first, entries with <c>seq &lt; before</c> when given.</summary>
    Task<IReadOnlyList<WalletEntry>> ListAsync(string tenantId, WalletEntryKind? kind, long? before, int limit, CancellationToken ct);
}

public sealed record WalletState(WalletAccount Account, WalletLedger Ledger);

/// <param name="Account">The settings to store (unchanged settings are simply written back).</param>
/// <param name="Append">Entries to append; empty for a replay.</param>
/// <param name="Replayed">For a replay: the entries the first request wrote.</param>
public sealed record WalletChange(WalletAccount Account, IReadOnlyList<WalletEntry> Append, IReadOnlyList<WalletEntry>? Replayed = null)
{
    public static WalletChange Replay(WalletState state, IReadOnlyList<WalletEntry> entries) => new(state.Account, [], entries);
}

/// <param name="State">The wallet after the write (or as found, for a replay).</param>
/// <param name="Entries">The entries the write appended (or had appended, for a replay).</param>
public sealed record WalletWriteResult(WalletState State, IReadOnlyList<WalletEntry> Entries, bool Replayed);
