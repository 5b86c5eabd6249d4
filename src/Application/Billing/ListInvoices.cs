using System.Globalization;
using Mediator;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Billing;

public sealed record ListInvoicesQuery(string Parent, int PageSize, string? PageToken) : IQuery<Result<InvoicePage>>, IValidatable
{
    public Error? Validate() => new Validation().Merge(BillingNames.Tenant(Parent).Error).Merge(Paging.PageSize(PageSize).Error).ToError();
}

public sealed record InvoicePage(IReadOnlyList<InvoiceRecord> Invoices, string NextPageToken);

/// <summary>Newest boundary first, keyset-paged by (boundary, id).</summary>
internal sealed class ListInvoicesHandler(IInvoiceStore invoices) : IQueryHandler<ListInvoicesQuery, Result<InvoicePage>>
{
    public async ValueTask<Result<InvoicePage>> Handle(ListInvoicesQuery query, CancellationToken ct)
    {
        var fingerprint = Common.PageToken.Fingerprint("invoices", query.Parent);
        if (!Common.PageToken.Decode(query.PageToken, fingerprint).TryGetValue(out var after, out var tokenError))
        {
            return tokenError;
        }

        (long, string)? cursor = null;
        if (after is [var micros, var id] && long.TryParse(micros, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var boundary))
        {
            cursor = (boundary, id);
        }
        else if (after is not null)
        {
            return Common.PageToken.Malformed();
        }

        var size = Paging.PageSize(query.PageSize).Value;
        var rows = await invoices.ListAsync(BillingNames.Tenant(query.Parent).Value, cursor, size + 1, ct);
        var page = rows.Take(size).ToList();
        return new InvoicePage(page, rows.Count > size
            ? Common.PageToken.Encode(fingerprint, [Micros(page[^1].Boundary).ToString(CultureInfo.InvariantCulture), page[^1].InvoiceId])
            : "");
    }

    public static long Micros(DateTimeOffset t) => (t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
}
