using Google.LongRunning;
using Grpc.Core;
using Mediator;
using Platform.Application.Operations;
using Platform.GrpcHost.Errors;
using Platform.GrpcHost.Mapping;
using Platform.Operations.V1;

namespace Platform.GrpcHost.Services;

/// <summary>platform.operations.v1.OperationService: a tenant's long-running operations.</summary>
public sealed class OperationGrpcService(IMediator mediator) : OperationService.OperationServiceBase
{
    public override async Task<Operation> GetOperation(GetOperationRequest request, ServerCallContext context) =>
        (await mediator.Send(new GetOperationQuery(request.Name), context.CancellationToken)).ToReply(OperationMapper.ToProto);

    public override async Task<ListOperationsResponse> ListOperations(ListOperationsRequest request, ServerCallContext context) =>
        (await mediator.Send(new ListOperationsQuery(request.Name, AccessMapper.NullIfEmpty(request.Filter), request.PageSize,
            AccessMapper.NullIfEmpty(request.PageToken)), context.CancellationToken))
        .ToReply(page => new ListOperationsResponse { Operations = { page.Operations.Select(OperationMapper.ToProto) }, NextPageToken = page.NextPageToken });

    public override async Task<Google.Protobuf.WellKnownTypes.Empty> CancelOperation(CancelOperationRequest request, ServerCallContext context) =>
        (await mediator.Send(new CancelOperationCommand(request.Name), context.CancellationToken)).ToReply(_ => new Google.Protobuf.WellKnownTypes.Empty());

    public override async Task<Google.Protobuf.WellKnownTypes.Empty> DeleteOperation(DeleteOperationRequest request, ServerCallContext context) =>
        (await mediator.Send(new DeleteOperationCommand(request.Name), context.CancellationToken)).ToReply(_ => new Google.Protobuf.WellKnownTypes.Empty());
}
