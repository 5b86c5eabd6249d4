using Grpc.Core;
using Mediator;
using Platform.Application.Billing;
using Platform.Billing.V1;
using Platform.GrpcHost.Errors;
using Platform.GrpcHost.Mapping;

namespace Platform.GrpcHost.Services;

/// <summary>platform.billing.v1.CatalogService.</summary>
public sealed class CatalogGrpcService(IMediator mediator) : CatalogService.CatalogServiceBase
{
    public override async Task<PlanPrice> CreatePlanPrice(CreatePlanPriceRequest request, ServerCallContext context) =>
        (await mediator.Send(new CreatePlanPriceCommand(request.Parent, BillingMapper.ToSpec(request.Price), NullIfEmpty(request.RequestId)),
            context.CancellationToken)).ToReply(BillingMapper.ToProto);

    public override async Task<PlanPrice> GetPlanPrice(GetPlanPriceRequest request, ServerCallContext context) =>
        (await mediator.Send(new GetPlanPriceQuery(request.Name), context.CancellationToken)).ToReply(BillingMapper.ToProto);

    public override async Task<PlanPrice> GetCurrentPlanPrice(GetCurrentPlanPriceRequest request, ServerCallContext context) =>
        (await mediator.Send(new GetCurrentPlanPriceQuery(request.Parent), context.CancellationToken)).ToReply(BillingMapper.ToProto);

    public override async Task<ListPlanPricesResponse> ListPlanPrices(ListPlanPricesRequest request, ServerCallContext context) =>
        (await mediator.Send(new ListPlanPricesQuery(request.Parent, request.PageSize, request.PageToken), context.CancellationToken))
        .ToReply(page => new ListPlanPricesResponse { Prices = { page.Prices.Select(BillingMapper.ToProto) }, NextPageToken = page.NextPageToken });

    public override async Task<BillableMetric> CreateBillableMetric(CreateBillableMetricRequest request, ServerCallContext context)
    {
        var m = request.BillableMetric ?? new BillableMetric();
        return (await mediator.Send(new CreateBillableMetricCommand(request.BillableMetricId, NullIfEmpty(m.DisplayName),
            (Domain.Billing.UsageAggregation)(int)m.Aggregation, NullIfEmpty(m.UniqueProperty), NullIfEmpty(request.RequestId)), context.CancellationToken))
            .ToReply(BillingMapper.ToProto);
    }

    public override async Task<BillableMetric> GetBillableMetric(GetBillableMetricRequest request, ServerCallContext context) =>
        (await mediator.Send(new GetBillableMetricQuery(request.Name), context.CancellationToken)).ToReply(BillingMapper.ToProto);

    public override async Task<ListBillableMetricsResponse> ListBillableMetrics(ListBillableMetricsRequest request, ServerCallContext context) =>
        (await mediator.Send(new ListBillableMetricsQuery(request.PageSize, request.PageToken), context.CancellationToken))
        .ToReply(page => new ListBillableMetricsResponse { BillableMetrics = { page.Metrics.Select(BillingMapper.ToProto) }, NextPageToken = page.NextPageToken });

    public override async Task<Google.Protobuf.WellKnownTypes.Empty> DeleteBillableMetric(DeleteBillableMetricRequest request, ServerCallContext context) =>
        (await mediator.Send(new DeleteBillableMetricCommand(request.Name), context.CancellationToken)).ToReply(_ => new Google.Protobuf.WellKnownTypes.Empty());

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
