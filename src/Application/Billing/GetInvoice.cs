using Mediator;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Billing;

public sealed record GetInvoiceQuery(string Name) : IQuery<Result<InvoiceRecord>>, IValidatable
{
    public Error? Validate() => BillingNames.Invoice(Name).Error;
}

internal sealed class GetInvoiceHandler(IInvoiceStore invoices) : IQueryHandler<GetInvoiceQuery, Result<InvoiceRecord>>
{
    public async ValueTask<Result<InvoiceRecord>> Handle(GetInvoiceQuery query, CancellationToken ct)
    {
        var (tenant, id) = BillingNames.Invoice(query.Name).Value;
        return await invoices.FindAsync(tenant, id, ct) is { } invoice ? invoice : Error.NotFound(query.Name);
    }
}
