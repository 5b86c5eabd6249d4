using Platform.Application.Abstractions.Billing;
using Platform.Domain.Common;

namespace Platform.Application.Billing;

/// <summary>Loads an invoice for a state change and saves it with its etag as the precondition.</summary>
internal static class InvoiceTransitions
{
    public static async Task<Result<InvoiceRecord>> ApplyAsync(IInvoiceStore invoices, string name, Func<InvoiceRecord, Task<Result<InvoiceRecord>>> change,
        CancellationToken ct)
    {
        var (tenant, id) = BillingNames.Invoice(name).Value;
        if (await invoices.FindAsync(tenant, id, ct) is not { } invoice)
        {
            return Error.NotFound(name);
        }

        if (!(await change(invoice)).TryGetValue(out var changed, out var refused))
        {
            return refused;
        }

        changed = changed with { Etag = BillingEngine.NewEtag() };
        return await invoices.UpdateAsync(changed, invoice.Etag, ct) ? changed : Error.ConcurrentModification(name);
    }

    public static Error WrongState(InvoiceRecord invoice, string action) =>
        Error.InvalidState(invoice.Name, invoice.State.ToString().ToUpperInvariant(), $"A {invoice.State.ToString().ToLowerInvariant()} invoice cannot be {action}.");
}
