using Grpc.Core;
using Mediator;
using Platform.Application.Audit;
using Platform.Audit.V1;
using Platform.GrpcHost.Errors;
using Platform.GrpcHost.Mapping;

namespace Platform.GrpcHost.Services;

/// <summary>platform.audit.v1.AuditService: the read side of the audit log.</summary>
public sealed class AuditGrpcService(IMediator mediator) : AuditService.AuditServiceBase
{
    public override async Task<ListAuditEventsResponse> ListAuditEvents(ListAuditEventsRequest request, ServerCallContext context) =>
        (await mediator.Send(new ListAuditEventsQuery(request.Parent, request.PageSize, request.PageToken, request.Filter), context.CancellationToken))
        .ToReply(page => new ListAuditEventsResponse { AuditEvents = { page.Events.Select(AuditMapper.ToProto) }, NextPageToken = page.NextPageToken });

    public override async Task<AuditEvent> GetAuditEvent(GetAuditEventRequest request, ServerCallContext context) =>
        (await mediator.Send(new GetAuditEventQuery(request.Name), context.CancellationToken)).ToReply(AuditMapper.ToProto);
}
