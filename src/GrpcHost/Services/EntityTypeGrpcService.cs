using Grpc.Core;
using Mediator;
using Platform.Application.Eav;
using Platform.Eav.V1;
using Platform.GrpcHost.Errors;
using Platform.GrpcHost.Mapping;

namespace Platform.GrpcHost.Services;

/// <summary>platform.eav.v1.EntityTypeService.</summary>
public sealed class EntityTypeGrpcService(IMediator mediator) : EntityTypeService.EntityTypeServiceBase
{
    public override async Task<EntityType> CreateEntityType(CreateEntityTypeRequest request, ServerCallContext context) =>
        (await mediator.Send(new CreateEntityTypeCommand(request.Parent, request.EntityTypeId, EavMapper.ToDraft(request.EntityType),
            AccessMapper.NullIfEmpty(request.RequestId)), context.CancellationToken))
        .ToReply(EavMapper.ToProto);

    public override async Task<EntityType> GetEntityType(GetEntityTypeRequest request, ServerCallContext context) =>
        (await mediator.Send(new GetEntityTypeQuery(request.Name), context.CancellationToken)).ToReply(EavMapper.ToProto);

    public override async Task<ListEntityTypesResponse> ListEntityTypes(ListEntityTypesRequest request, ServerCallContext context) =>
        (await mediator.Send(new ListEntityTypesQuery(request.Parent, request.PageSize, request.PageToken), context.CancellationToken))
        .ToReply(page => new ListEntityTypesResponse { EntityTypes = { page.EntityTypes.Select(EavMapper.ToProto) }, NextPageToken = page.NextPageToken });

    public override async Task<EntityType> UpdateEntityType(UpdateEntityTypeRequest request, ServerCallContext context)
    {
        var type = request.EntityType ?? new EntityType();
        var mask = request.UpdateMask?.Paths.ToList() ?? [];
        // Without a mask, "populated" decides; an empty list is indistinguishable from "not given",
        // so hiding every attribute or dropping every hint needs the mask.
        var command = new UpdateEntityTypeCommand(type.Name, AccessMapper.NullIfEmpty(type.Etag), AccessMapper.NullIfEmpty(type.DisplayName),
            AccessMapper.NullIfEmpty(type.Description),
            mask.Count == 0 && type.Attributes.Count == 0 ? null : EavMapper.ToDrafts(type.Attributes),
            mask.Count == 0 && type.QueryHints.Count == 0 ? null : EavMapper.ToDomain(type.QueryHints), mask);
        return (await mediator.Send(command, context.CancellationToken)).ToReply(EavMapper.ToProto);
    }

    public override async Task<Google.Protobuf.WellKnownTypes.Empty> DeleteEntityType(DeleteEntityTypeRequest request, ServerCallContext context) =>
        (await mediator.Send(new DeleteEntityTypeCommand(request.Name, AccessMapper.NullIfEmpty(request.Etag), request.Force), context.CancellationToken))
        .ToReply(_ => new Google.Protobuf.WellKnownTypes.Empty());
}
