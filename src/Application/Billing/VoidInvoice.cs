using Mediator;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Billing;

public sealed record VoidInvoiceCommand(string Name) : ICommand<Result<InvoiceRecord>>, IValidatable
{
    public Error? Validate() => BillingNames.Invoice(Name).Error;
}

/// <summary>Drafts and finalized invoices can be voided; a paid one cannot (that is a refund).</summary>
internal sealed class VoidInvoiceHandler(IInvoiceStore invoices) : ICommandHandler<VoidInvoiceCommand, Result<InvoiceRecord>>
{
    public async ValueTask<Result<InvoiceRecord>> Handle(VoidInvoiceCommand command, CancellationToken ct) =>
        await InvoiceTransitions.ApplyAsync(invoices, command.Name, invoice => Task.FromResult<Result<InvoiceRecord>>(
            invoice.State is InvoiceState.Draft or InvoiceState.Finalized
                ? invoice with { State = InvoiceState.Void }
                : InvoiceTransitions.WrongState(invoice, "voided")), ct);
}
