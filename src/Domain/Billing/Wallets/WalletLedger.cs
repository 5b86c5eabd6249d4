namespace Platform.Domain.Billing.Wallets;

/// <summary>
/// The balance derived from a wallet's entries at a moment: the top-up credit plus the remainders
/// of grants not yet expired. Pure: the same entries and time always give the same answer.
/// </summary>
public sealed class WalletLedger
{
    private readonly Dictionary<string, decimal> _byBucket = new(StringComparer.Ordinal);
    private readonly List<WalletEntry> _grants = [];
    private readonly Dictionary<string, WalletEntry> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _refunded = new(StringComparer.Ordinal);

    public WalletLedger(IEnumerable<WalletEntry> entries)
    {
        foreach (var e in entries)
        {
            Entries.Add(e);
            _byId[e.Id] = e;
            if (e.Kind == WalletEntryKind.Grant)
            {
                _grants.Add(e);
            }

            if (e.Bucket is { } bucket)
            {
                _byBucket[bucket] = _byBucket.GetValueOrDefault(bucket) + e.Amount;
            }
            else
            {
                TopUpBalance += e.Amount;
            }

            if (e is { Kind: WalletEntryKind.Refund, RefundedId: { } refunded })
            {
                _refunded[refunded] = _refunded.GetValueOrDefault(refunded) + e.Amount;
            }
        }
    }

    public List<WalletEntry> Entries { get; } = [];

    /// <summary>Credit that never expires: top-ups, positive adjustments, refunds of top-up spending, minus what was drawn from it.</summary>
    public decimal TopUpBalance { get; }

    /// <summary>The sum of every entry, expired grant remainders included.</summary>
    public decimal LedgerSum => Entries.Sum(e => e.Amount);

    public bool IsEmpty => Entries.Count == 0;

    public decimal Balance(DateTime now) => TopUpBalance + AvailableGrants(now).Sum(g => g.Remaining);

    /// <summary>Unexpired grants with credit left, in draw order: lower priority, then earlier expiry (none last), then older.</summary>
    public IReadOnlyList<GrantBalance> AvailableGrants(DateTime now) =>
        [.. _grants.Where(g => g.ExpireTime is not { } expiry || expiry > now)
            .Select(g => new GrantBalance(g, _byBucket.GetValueOrDefault(g.Id)))
            .Where(g => g.Remaining > 0)
            .OrderBy(g => g.Grant.Priority)
            .ThenBy(g => g.Grant.ExpireTime ?? DateTime.MaxValue)
            .ThenBy(g => g.Grant.Seq)];

    /// <summary>
    /// Where spending <paramref name="amount"/> now would come from, in draw order, covering at
    /// most the balance. Grants first, the top-up credit last.
    /// </summary>
    public IReadOnlyList<DrawPart> PlanDraw(decimal amount, DateTime now)
    {
        var parts = new List<DrawPart>();
        var left = amount;
        foreach (var grant in AvailableGrants(now))
        {
            if (left <= 0)
            {
                break;
            }

            var take = Math.Min(left, grant.Remaining);
            parts.Add(new DrawPart(grant.Grant.Id, take));
            left -= take;
        }

        if (left > 0 && TopUpBalance > 0)
        {
            parts.Add(new DrawPart(null, Math.Min(left, TopUpBalance)));
        }

        return parts;
    }

    public WalletEntry? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>What of a consumption entry can still be given back (its amount minus earlier refunds).</summary>
    public decimal Refundable(WalletEntry consumption) => -consumption.Amount - _refunded.GetValueOrDefault(consumption.Id);

    /// <summary>The entries one write appended under <paramref name="requestKey"/>, in part order.</summary>
    public IReadOnlyList<WalletEntry> WrittenBy(string requestKey) =>
        [.. Entries.Where(e => e.RequestKey == requestKey).OrderBy(e => e.Part)];
}

/// <param name="Remaining">What is left of the grant (before expiry is considered).</param>
public sealed record GrantBalance(WalletEntry Grant, decimal Remaining);

/// <param name="SourceId">The grant drawn from; null for the top-up credit.</param>
public sealed record DrawPart(string? SourceId, decimal Amount);
