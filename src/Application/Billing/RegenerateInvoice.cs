using Mediator;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Billing;

public sealed record RegenerateInvoiceCommand(string Name) : ICommand<Result<InvoiceRecord>>, IValidatable
{
    public Error? Validate() => BillingNames.Invoice(Name).Error;
}

/// <summary>Recomputes a draft (after late usage, say); with unchanged inputs the lines and total are identical.</summary>
internal sealed class RegenerateInvoiceHandler(IInvoiceStore invoices, ISubscriptionStore subscriptions, BillingEngine engine)
    : ICommandHandler<RegenerateInvoiceCommand, Result<InvoiceRecord>>
{
    public async ValueTask<Result<InvoiceRecord>> Handle(RegenerateInvoiceCommand command, CancellationToken ct) =>
        await InvoiceTransitions.ApplyAsync(invoices, command.Name, async invoice =>
        {
            if (invoice.State != InvoiceState.Draft)
            {
                return InvoiceTransitions.WrongState(invoice, "regenerated");
            }

            var subscription = await subscriptions.FindLatestAsync(invoice.TenantId, ct);
            if (subscription is null || subscription.SubscriptionId != invoice.SubscriptionId)
            {
                return Error.InvalidState(invoice.Name, "SUPERSEDED", "The invoice's subscription has been replaced; void the draft instead.");
            }

            return await engine.RecomputeAsync(subscription, invoice, ct);
        }, ct);
}
