using Platform.Application.Billing;

namespace Platform.Application.Abstractions.Billing;

/// <summary>Invoices (billing_invoices, unique per tenant, subscription and boundary) and their payment attempts.</summary>
public interface IInvoiceStore
{
    /// <summary>False when an invoice for the same subscription and boundary exists.</summary>
    Task<bool> AddAsync(InvoiceRecord invoice, CancellationToken ct);

    /// <summary>Optimistic on the etag: false when <paramref name="expectedEtag"/> is no longer current.</summary>
    Task<bool> UpdateAsync(InvoiceRecord invoice, string expectedEtag, CancellationToken ct);

    Task<InvoiceRecord?> FindAsync(string tenantId, string invoiceId, CancellationToken ct);

    Task<InvoiceRecord?> FindByBoundaryAsync(string tenantId, string subscriptionId, DateTimeOffset boundary, CancellationToken ct);

    /// <summary>Newest boundary first, keyset after (boundary, id).</summary>
    Task<IReadOnlyList<InvoiceRecord>> ListAsync(string tenantId, (long Boundary, string Id)? after, int limit, CancellationToken ct);
}
