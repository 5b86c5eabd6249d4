using Mediator;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Billing;

public sealed record MarkInvoicePaidCommand(string Name, string? Reference) : ICommand<Result<InvoiceRecord>>, IValidatable
{
    public Error? Validate() => new Validation().Merge(BillingNames.Invoice(Name).Error)
        .Check((Reference ?? "").Length <= 200, "reference", "at most 200 characters").ToError();
}

/// <summary>
/// Collects a finalized invoice through <see cref="IPaymentProvider"/>. Every attempt is numbered and
/// recorded; its idempotency key is derived from the invoice and the number, so a retry after a
/// lost answer reaches the provider with the same key and cannot charge twice.
/// </summary>
internal sealed class MarkInvoicePaidHandler(IInvoiceStore invoices, IPaymentProvider provider, TimeProvider clock)
    : ICommandHandler<MarkInvoicePaidCommand, Result<InvoiceRecord>>
{
    public async ValueTask<Result<InvoiceRecord>> Handle(MarkInvoicePaidCommand command, CancellationToken ct) =>
        await InvoiceTransitions.ApplyAsync(invoices, command.Name, async invoice =>
        {
            if (invoice.State != InvoiceState.Finalized)
            {
                return InvoiceTransitions.WrongState(invoice, "paid");
            }

            var attempt = invoice.Payments.Count + 1;
            var key = BillingEngine.PaymentKey(invoice.Name, attempt);
            var outcome = await provider.CollectAsync(new PaymentRequest(invoice.Name, invoice.Invoice.Total, attempt, key, command.Reference), ct);
            var now = BillingTime.Now(clock).UtcDateTime;
            var payments = invoice.Payments.Append(new PaymentAttemptRecord(attempt, key, provider.Name, outcome.Succeeded, outcome.Reference, now)).ToList();
            return invoice with
            {
                Payments = payments,
                State = outcome.Succeeded ? InvoiceState.Paid : invoice.State,
                PaidTime = outcome.Succeeded ? now : null,
            };
        }, ct);
}
