using Grpc.Core;
using Mediator;
using Platform.Application.Quota;
using Platform.GrpcHost.Errors;
using Platform.GrpcHost.Mapping;
using Platform.Quota.V1;

namespace Platform.GrpcHost.Services;

/// <summary>platform.quota.v1.QuotaService.</summary>
public sealed class QuotaGrpcService(IMediator mediator) : QuotaService.QuotaServiceBase
{
    public override async Task<Quota.V1.Quota> GetQuota(GetQuotaRequest request, ServerCallContext context) =>
        (await mediator.Send(new GetQuotaQuery(request.Name), context.CancellationToken)).ToReply(QuotaMapper.ToProto);

    public override async Task<Quota.V1.Quota> SetQuotaOverride(SetQuotaOverrideRequest request, ServerCallContext context) =>
        (await mediator.Send(new SetQuotaOverrideCommand(request.Name, QuotaMapper.ToDomain(request.Limit)), context.CancellationToken))
        .ToReply(QuotaMapper.ToProto);

    public override async Task<Quota.V1.Quota> ClearQuotaOverride(ClearQuotaOverrideRequest request, ServerCallContext context) =>
        (await mediator.Send(new ClearQuotaOverrideCommand(request.Name, request.LimitId), context.CancellationToken)).ToReply(QuotaMapper.ToProto);

    public override async Task<AllocateQuotaResponse> AllocateQuota(AllocateQuotaRequest request, ServerCallContext context) =>
        (await mediator.Send(new AllocateQuotaCommand(request.Name, request.Metric, request.Amount, NullIfEmpty(request.RequestId)), context.CancellationToken))
        .ToReply(s => new AllocateQuotaResponse { Limit = QuotaMapper.ToProto(s) });

    public override async Task<ReleaseQuotaResponse> ReleaseQuota(ReleaseQuotaRequest request, ServerCallContext context) =>
        (await mediator.Send(new ReleaseQuotaCommand(request.Name, request.Metric, request.Amount, NullIfEmpty(request.RequestId)), context.CancellationToken))
        .ToReply(s => new ReleaseQuotaResponse { Limit = QuotaMapper.ToProto(s) });

    public override async Task<CheckQuotaResponse> CheckQuota(CheckQuotaRequest request, ServerCallContext context) =>
        (await mediator.Send(new CheckQuotaCommand(request.Name, request.Metric, request.Amount), context.CancellationToken)).ToReply(QuotaMapper.ToProto);

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
