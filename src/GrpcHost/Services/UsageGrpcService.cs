using Grpc.Core;
using Mediator;
using Platform.Application.Billing;
using Platform.Billing.V1;
using Platform.GrpcHost.Errors;
using Platform.GrpcHost.Mapping;

namespace Platform.GrpcHost.Services;

/// <summary>platform.billing.v1.UsageService.</summary>
public sealed class UsageGrpcService(IMediator mediator) : UsageService.UsageServiceBase
{
    public override async Task<RecordUsageEventsResponse> RecordUsageEvents(RecordUsageEventsRequest request, ServerCallContext context) =>
        (await mediator.Send(new RecordUsageEventsCommand(request.Parent, [.. request.Events.Select(UsageMapper.ToInput)]), context.CancellationToken))
        .ToReply(r => new RecordUsageEventsResponse { AcceptedCount = r.Accepted, DuplicateCount = r.Duplicates });

    public override async Task<Usage> GetUsage(GetUsageRequest request, ServerCallContext context) =>
        (await mediator.Send(new GetUsageQuery(request.Name, request.PeriodTime?.ToDateTimeOffset()), context.CancellationToken))
        .ToReply(UsageMapper.ToProto);
}
