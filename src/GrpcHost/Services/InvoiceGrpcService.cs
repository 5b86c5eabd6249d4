using Grpc.Core;
using Mediator;
using Platform.Application.Billing;
using Platform.Billing.V1;
using Platform.GrpcHost.Errors;
using Platform.GrpcHost.Mapping;

namespace Platform.GrpcHost.Services;

/// <summary>platform.billing.v1.InvoiceService.</summary>
public sealed class InvoiceGrpcService(IMediator mediator) : InvoiceService.InvoiceServiceBase
{
    public override async Task<Invoice> GetInvoice(GetInvoiceRequest request, ServerCallContext context) =>
        (await mediator.Send(new GetInvoiceQuery(request.Name), context.CancellationToken)).ToReply(BillingMapper.ToProto);

    public override async Task<ListInvoicesResponse> ListInvoices(ListInvoicesRequest request, ServerCallContext context) =>
        (await mediator.Send(new ListInvoicesQuery(request.Parent, request.PageSize, request.PageToken), context.CancellationToken))
        .ToReply(page => new ListInvoicesResponse { Invoices = { page.Invoices.Select(BillingMapper.ToProto) }, NextPageToken = page.NextPageToken });

    public override async Task<Invoice> RegenerateInvoice(RegenerateInvoiceRequest request, ServerCallContext context) =>
        (await mediator.Send(new RegenerateInvoiceCommand(request.Name), context.CancellationToken)).ToReply(BillingMapper.ToProto);

    public override async Task<Invoice> FinalizeInvoice(FinalizeInvoiceRequest request, ServerCallContext context) =>
        (await mediator.Send(new FinalizeInvoiceCommand(request.Name), context.CancellationToken)).ToReply(BillingMapper.ToProto);

    public override async Task<Invoice> VoidInvoice(VoidInvoiceRequest request, ServerCallContext context) =>
        (await mediator.Send(new VoidInvoiceCommand(request.Name), context.CancellationToken)).ToReply(BillingMapper.ToProto);

    public override async Task<Invoice> MarkInvoicePaid(MarkInvoicePaidRequest request, ServerCallContext context) =>
        (await mediator.Send(new MarkInvoicePaidCommand(request.Name, request.Reference.Length == 0 ? null : request.Reference), context.CancellationToken))
        .ToReply(BillingMapper.ToProto);

    public override async Task<RunInvoicesResponse> RunInvoices(RunInvoicesRequest request, ServerCallContext context) =>
        (await mediator.Send(new RunInvoicesCommand(BillingMapper.FromProto(request.AsOf), request.Tenant.Length == 0 ? null : request.Tenant),
            context.CancellationToken))
        .ToReply(r => new RunInvoicesResponse { TenantsScanned = r.TenantsScanned, InvoicesCreated = r.InvoicesCreated });
}
