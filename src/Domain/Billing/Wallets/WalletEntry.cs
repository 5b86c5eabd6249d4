namespace Platform.Domain.Billing.Wallets;

/// <summary>
/// One append-only ledger entry. Every entry belongs to exactly one bucket: a grant is its own
/// bucket; every other entry names the grant it draws from or gives back to in
/// <see cref="SourceId"/>, or none for the top-up credit. A bucket's remainder is the sum of its
/// entries, so an expired grant's remainder stops counting without any entry being changed.
/// </summary>
/// <param name="Seq">Ledger order (database identity); 0 for an entry not yet written.</param>
/// <param name="Id">The transaction id in <c>tenants/{t}/wallet/transactions/{id}</c>.</param>
/// <param name="Amount">Signed: credit positive, spending negative.</param>
/// <param name="RefundedId">For a refund: the consumption entry it gives back.</param>
/// <param name="RequestKey">The idempotency key of the write, shared by all entries (parts) it appended.</param>
/// <param name="RequestHash">Fingerprint of the write's content, to spot a reused key.</param>
/// <param name="Part">Position of the entry within its write (a draw over several buckets has several).</param>
public sealed record WalletEntry(
    long Seq,
    string Id,
    WalletEntryKind Kind,
    decimal Amount,
    string? SourceId,
    DateTime? ExpireTime,
    int Priority,
    string? RefundedId,
    string? RequestKey,
    string? RequestHash,
    int Part,
    string Description,
    string Actor,
    DateTime CreateTime)
{
    /// <summary>The grant this entry's amount counts against; null for the top-up credit.</summary>
    public string? Bucket => Kind == WalletEntryKind.Grant ? Id : SourceId;

    /// <summary>A new entry id: 20 lowercase hex characters, unguessable and unique per tenant.</summary>
    public static string NewId() => Guid.NewGuid().ToString("N")[..20];
}

/// <summary>How idempotency keys are namespaced in wallet_entries.request_key.</summary>
public static class WalletKeys
{
    /// <summary>The stored key of a platform consumption written with <paramref name="idempotencyKey"/>.</summary>
    public static string Consumption(string idempotencyKey) => "consume:" + idempotencyKey;
}
