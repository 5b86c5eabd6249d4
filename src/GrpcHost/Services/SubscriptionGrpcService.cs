using Grpc.Core;
using Mediator;
using Platform.Application.Billing;
using Platform.Billing.V1;
using Platform.GrpcHost.Errors;
using Platform.GrpcHost.Mapping;

namespace Platform.GrpcHost.Services;

/// <summary>platform.billing.v1.SubscriptionService.</summary>
public sealed class SubscriptionGrpcService(IMediator mediator) : SubscriptionService.SubscriptionServiceBase
{
    public override async Task<Subscription> GetSubscription(GetSubscriptionRequest request, ServerCallContext context) =>
        (await mediator.Send(new GetSubscriptionQuery(request.Name), context.CancellationToken)).ToReply(BillingMapper.ToProto);

    public override async Task<Subscription> Subscribe(SubscribeRequest request, ServerCallContext context) =>
        (await mediator.Send(new SubscribeCommand(request.Name, request.Plan,
            request.CommitmentTerm == CommitmentTerm.Unspecified ? null : (Domain.Billing.CommitmentTerm)(int)request.CommitmentTerm,
            request.SkipTrial, BillingMapper.FromProto(request.StartTime)), context.CancellationToken)).ToReply(BillingMapper.ToProto);

    public override async Task<Subscription> ChangePlan(ChangePlanRequest request, ServerCallContext context) =>
        (await mediator.Send(new ChangePlanCommand(request.Name, request.Plan, BillingMapper.ToDomain(request.Timing), BillingMapper.FromProto(request.RequestTime)),
            context.CancellationToken)).ToReply(BillingMapper.ToProto);

    public override async Task<Subscription> CancelSubscription(CancelSubscriptionRequest request, ServerCallContext context) =>
        (await mediator.Send(new CancelSubscriptionCommand(request.Name, BillingMapper.ToDomain(request.Timing), BillingMapper.FromProto(request.RequestTime)),
            context.CancellationToken)).ToReply(BillingMapper.ToProto);
}
