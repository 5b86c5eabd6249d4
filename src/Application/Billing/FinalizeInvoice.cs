using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Billing;

public sealed record FinalizeInvoiceCommand(string Name) : ICommand<Result<InvoiceRecord>>, IValidatable
{
    public Error? Validate() => BillingNames.Invoice(Name).Error;
}

/// <summary>
/// A finalized invoice never changes again (only its state moves on to paid or void). Finalizing
/// spends the tenant's wallet on it (<see cref="WalletCredits"/>); the draw and the state change
/// commit in one transaction, so a finalization that loses the etag race draws nothing, and a
/// second finalization is refused before it reaches the wallet.
/// </summary>
internal sealed class FinalizeInvoiceHandler(IInvoiceStore invoices, WalletCredits credits, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<FinalizeInvoiceCommand, Result<InvoiceRecord>>
{
    public async ValueTask<Result<InvoiceRecord>> Handle(FinalizeInvoiceCommand command, CancellationToken ct) =>
        await unitOfWork.InTransactionAsync(c => InvoiceTransitions.ApplyAsync(invoices, command.Name, async invoice =>
        {
            if (invoice.State != InvoiceState.Draft)
            {
                return InvoiceTransitions.WrongState(invoice, "finalized");
            }

            return (await credits.ApplyAsync(invoice, c)).Map(credited =>
                invoice with { Invoice = credited, State = InvoiceState.Finalized, FinalizeTime = BillingTime.Now(clock).UtcDateTime });
        }, c), r => r.IsSuccess, ct);
}
