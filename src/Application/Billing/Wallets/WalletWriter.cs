using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Domain.Billing.Wallets;
using Platform.Domain.Common;
using Platform.Domain.Tenancy;

namespace Platform.Application.Billing.Wallets;

/// <summary>
/// What every ledger-writing RPC shares: the tenant must exist, the request_id is checked against
/// the ledger under the wallet lock (so a retry racing the first request still replays it), and
/// the entries carry who wrote them.
/// </summary>
internal sealed class WalletWriter(ITenantDirectory tenants, IWalletStore store, IRequestContext context, TimeProvider clock)
{
    public delegate Result<WalletChange> Decide(WalletState state, EntryFactory entries);

    public async Task<Result<WalletWriteView>> WriteAsync(string tenantId, string method, string? requestId, string fingerprint, Decide decide,
        CancellationToken ct)
    {
        if (await tenants.FindAsync(TenantId.FromTrusted(tenantId), ct) is null)
        {
            return Error.NotFound(WalletNames.Of(tenantId));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var key = requestId is null ? null : $"{method}:{requestId}";
        var factory = new EntryFactory(key, fingerprint, context.Principal?.Id ?? "platform", now);
        var written = await store.WriteAsync(tenantId, state =>
        {
            if (key is not null && state.Ledger.WrittenBy(key) is { Count: > 0 } earlier)
            {
                return earlier[0].RequestHash == fingerprint ? WalletChange.Replay(state, earlier) : Idempotency.RequestIdReused(method);
            }

            return decide(state, factory);
        }, ct);
        return written.Map(w => new WalletWriteView(WalletView.Of(w.State, now), w.Entries));
    }
}

/// <summary>Builds the entries of one write: same key, fingerprint, actor and time, parts numbered in order.</summary>
internal sealed class EntryFactory(string? requestKey, string fingerprint, string actor, DateTime now)
{
    private int _part;

    public DateTime Now => now;

    public WalletEntry Create(WalletEntryKind kind, decimal amount, string description, string? sourceId = null, DateTime? expireTime = null,
        int priority = 0, string? refundedId = null) =>
        new(0, WalletEntry.NewId(), kind, amount, sourceId, expireTime, priority, refundedId, requestKey, fingerprint, _part++, description, actor, now);
}
