using Grpc.Core;
using Mediator;
using Platform.Application.Quota;
using Platform.GrpcHost.Errors;
using Platform.GrpcHost.Mapping;
using Platform.Quota.V1;

namespace Platform.GrpcHost.Services;

/// <summary>platform.quota.v1.PlanService.</summary>
public sealed class PlanGrpcService(IMediator mediator) : PlanService.PlanServiceBase
{
    public override async Task<Plan> CreatePlan(CreatePlanRequest request, ServerCallContext context) =>
        (await mediator.Send(new CreatePlanCommand(request.PlanId, request.Plan?.DisplayName, request.Plan?.Description,
            QuotaMapper.ToDomain(request.Plan?.Limits ?? []), NullIfEmpty(request.RequestId)), context.CancellationToken))
        .ToReply(QuotaMapper.ToProto);

    public override async Task<Plan> GetPlan(GetPlanRequest request, ServerCallContext context) =>
        (await mediator.Send(new GetPlanQuery(request.Name), context.CancellationToken)).ToReply(QuotaMapper.ToProto);

    public override async Task<ListPlansResponse> ListPlans(ListPlansRequest request, ServerCallContext context) =>
        (await mediator.Send(new ListPlansQuery(request.PageSize, request.PageToken), context.CancellationToken))
        .ToReply(page => new ListPlansResponse { Plans = { page.Plans.Select(QuotaMapper.ToProto) }, NextPageToken = page.NextPageToken });

    public override async Task<Plan> UpdatePlan(UpdatePlanRequest request, ServerCallContext context)
    {
        var plan = request.Plan ?? new Plan();
        var mask = request.UpdateMask?.Paths.ToList() ?? [];
        // Without a mask, "populated" decides; an empty repeated field is indistinguishable from
        // "not given", so clearing every limit needs the mask.
        var command = new UpdatePlanCommand(plan.Name, NullIfEmpty(plan.Etag), NullIfEmpty(plan.DisplayName), NullIfEmpty(plan.Description),
            mask.Count == 0 && plan.Limits.Count == 0 ? null : QuotaMapper.ToDomain(plan.Limits), mask);
        return (await mediator.Send(command, context.CancellationToken)).ToReply(QuotaMapper.ToProto);
    }

    public override async Task<Google.Protobuf.WellKnownTypes.Empty> DeletePlan(DeletePlanRequest request, ServerCallContext context) =>
        (await mediator.Send(new DeletePlanCommand(request.Name), context.CancellationToken)).ToReply(_ => new Google.Protobuf.WellKnownTypes.Empty());

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
