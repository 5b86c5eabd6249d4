using System.Globalization;
using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Common;
using Platform.Domain.Billing.Wallets;
using Platform.Domain.Common;
using Platform.Domain.Tenancy;

namespace Platform.Application.Billing.Wallets;

public sealed record ListWalletTransactionsQuery(string Parent, int PageSize, string? PageToken, WalletEntryKind? Kind)
    : IQuery<Result<WalletTransactionsPage>>, IValidatable
{
    public Error? Validate() =>
        new Validation().Merge(WalletNames.Wallet(Parent, "parent").Error).Merge(Paging.PageSize(PageSize).Error)
            .Check(Kind is null || Enum.IsDefined(Kind.Value), "kind", "is not a transaction kind").ToError();
}

public sealed record WalletTransactionsPage(string TenantId, Domain.Billing.Currency Currency, IReadOnlyList<WalletEntry> Entries, string? NextPageToken);

/// <summary>Newest first by ledger order (seq), keyset-paged; the token is bound to the tenant and kind.</summary>
internal sealed class ListWalletTransactionsHandler(ITenantDirectory tenants, IWalletStore store)
    : IQueryHandler<ListWalletTransactionsQuery, Result<WalletTransactionsPage>>
{
    public async ValueTask<Result<WalletTransactionsPage>> Handle(ListWalletTransactionsQuery query, CancellationToken ct)
    {
        var tenantId = WalletNames.Wallet(query.Parent, "parent").Value;
        var fingerprint = PageToken.Fingerprint("wallet", tenantId, query.Kind?.ToString() ?? "");
        if (!PageToken.Decode(query.PageToken, fingerprint).TryGetValue(out var key, out var bad))
        {
            return bad;
        }

        long? before = null;
        if (key is not null)
        {
            if (key.Count != 1 || !long.TryParse(key[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seq))
            {
                return PageToken.Malformed();
            }

            before = seq;
        }

        if (await tenants.FindAsync(TenantId.FromTrusted(tenantId), ct) is null)
        {
            return Error.NotFound(query.Parent);
        }

        var size = Paging.PageSize(query.PageSize).Value;
        var rows = await store.ListAsync(tenantId, query.Kind, before, size + 1, ct);
        var page = rows.Take(size).ToList();
        var next = rows.Count > size ? PageToken.Encode(fingerprint, [page[^1].Seq.ToString(CultureInfo.InvariantCulture)]) : null;
        var currency = (await store.ReadAccountAsync(tenantId, ct)).Currency;
        return new WalletTransactionsPage(tenantId, currency, page, next);
    }
}
