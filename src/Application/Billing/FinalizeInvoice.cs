using Mediator;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Billing;

public sealed record FinalizeInvoiceCommand(string Name) : ICommand<Result<InvoiceRecord>>, IValidatable
{
    public Error? Validate() => BillingNames.Invoice(Name).Error;
}

/// <summary>A finalized invoice never changes again (only its state moves on to paid or void).</summary>
internal sealed class FinalizeInvoiceHandler(IInvoiceStore invoices, TimeProvider clock) : ICommandHandler<FinalizeInvoiceCommand, Result<InvoiceRecord>>
{
    public async ValueTask<Result<InvoiceRecord>> Handle(FinalizeInvoiceCommand command, CancellationToken ct) =>
        await InvoiceTransitions.ApplyAsync(invoices, command.Name, invoice => Task.FromResult<Result<InvoiceRecord>>(invoice.State == InvoiceState.Draft
            ? invoice with { State = InvoiceState.Finalized, FinalizeTime = BillingTime.Now(clock).UtcDateTime }
            : InvoiceTransitions.WrongState(invoice, "finalized")), ct);
}
