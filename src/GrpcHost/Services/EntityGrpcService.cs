using System.Runtime.CompilerServices;
using Grpc.Core;
using Mediator;
using Platform.Application.Eav.Entities;
using Platform.Eav.V1;
using Platform.GrpcHost.Errors;
using Platform.GrpcHost.Mapping;
using Entity = Platform.Eav.V1.Entity;
using ImportMode = Platform.Application.Eav.Entities.ImportMode;

namespace Platform.GrpcHost.Services;

/// <summary>platform.eav.v1.EntityService.</summary>
public sealed class EntityGrpcService(IMediator mediator) : EntityService.EntityServiceBase
{
    public override async Task<Entity> CreateEntity(CreateEntityRequest request, ServerCallContext context) =>
        (await mediator.Send(new CreateEntityCommand(request.Parent, AccessMapper.NullIfEmpty(request.EntityId),
            EntityMapper.ToJson(request.Entity?.Attributes), AccessMapper.NullIfEmpty(request.RequestId)), context.CancellationToken))
        .ToReply(EntityMapper.ToProto);

    public override async Task<Entity> GetEntity(GetEntityRequest request, ServerCallContext context) =>
        (await mediator.Send(new GetEntityQuery(request.Name), context.CancellationToken)).ToReply(EntityMapper.ToProto);

    public override async Task<BatchGetEntitiesResponse> BatchGetEntities(BatchGetEntitiesRequest request, ServerCallContext context) =>
        (await mediator.Send(new BatchGetEntitiesQuery(request.Parent, request.Names), context.CancellationToken))
        .ToReply(views => new BatchGetEntitiesResponse { Entities = { views.Select(EntityMapper.ToProto) } });

    public override async Task<ListEntitiesResponse> ListEntities(ListEntitiesRequest request, ServerCallContext context) =>
        (await mediator.Send(new ListEntitiesQuery(request.Parent, request.PageSize, AccessMapper.NullIfEmpty(request.PageToken),
            AccessMapper.NullIfEmpty(request.Filter), AccessMapper.NullIfEmpty(request.OrderBy), request.ReadMask?.Paths.ToList() ?? [],
            request.ShowDeleted, request.IncludeTotalSize), context.CancellationToken))
        .ToReply(page => new ListEntitiesResponse
        {
            Entities = { page.Entities.Select(EntityMapper.ToProto) },
            NextPageToken = page.NextPageToken,
            TotalSize = page.TotalSize?.Value ?? 0,
            TotalSizeIsEstimate = page.TotalSize?.IsEstimate ?? false,
        });

    public override async Task<Entity> UpdateEntity(UpdateEntityRequest request, ServerCallContext context)
    {
        var entity = request.Entity ?? new Entity();
        return (await mediator.Send(new UpdateEntityCommand(entity.Name, AccessMapper.NullIfEmpty(entity.Etag), EntityMapper.ToJson(entity.Attributes),
            request.UpdateMask?.Paths.ToList() ?? [], AccessMapper.NullIfEmpty(request.RequestId)), context.CancellationToken))
            .ToReply(EntityMapper.ToProto);
    }

    public override async Task<Entity> DeleteEntity(DeleteEntityRequest request, ServerCallContext context) =>
        (await mediator.Send(new DeleteEntityCommand(request.Name, AccessMapper.NullIfEmpty(request.Etag)), context.CancellationToken))
        .ToReply(EntityMapper.ToProto);

    public override async Task<Entity> UndeleteEntity(UndeleteEntityRequest request, ServerCallContext context) =>
        (await mediator.Send(new UndeleteEntityCommand(request.Name, AccessMapper.NullIfEmpty(request.Etag)), context.CancellationToken))
        .ToReply(EntityMapper.ToProto);

    public override async Task<BatchCreateEntitiesResponse> BatchCreateEntities(BatchCreateEntitiesRequest request, ServerCallContext context) =>
        (await mediator.Send(new BatchCreateEntitiesCommand(request.Parent,
            request.Requests.Select(r => new BatchCreateItem(AccessMapper.NullIfEmpty(r.Parent), AccessMapper.NullIfEmpty(r.EntityId),
                EntityMapper.ToJson(r.Entity?.Attributes))).ToList(),
            AccessMapper.NullIfEmpty(request.RequestId)), context.CancellationToken))
        .ToReply(views => new BatchCreateEntitiesResponse { Entities = { views.Select(EntityMapper.ToProto) } });

    public override async Task<ImportEntitiesResponse> ImportEntities(IAsyncStreamReader<ImportEntitiesRequest> requestStream, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        if (!await requestStream.MoveNext(ct))
        {
            return new ImportEntitiesResponse();
        }

        var header = requestStream.Current;
        var mode = header.Mode == Platform.Eav.V1.ImportMode.Upsert ? ImportMode.Upsert : ImportMode.Create;
        var command = new ImportEntitiesCommand(header.Parent, mode, AccessMapper.NullIfEmpty(header.UpsertKey), Items(header, requestStream, ct));
        return (await mediator.Send(command, ct)).ToReply(r => new ImportEntitiesResponse
        {
            CreatedCount = r.Created,
            UpdatedCount = r.Updated,
            FailedCount = r.Failed,
            Errors = { r.Errors.Select(e => new Platform.Eav.V1.ImportError { Index = e.Index, Field = e.Field, Description = e.Description }) },
        });
    }

    public override async Task ExportEntities(ExportEntitiesRequest request, IServerStreamWriter<Entity> responseStream, ServerCallContext context)
    {
        var entities = (await mediator.Send(new ExportEntitiesQuery(request.Parent, AccessMapper.NullIfEmpty(request.Filter), request.ShowDeleted),
            context.CancellationToken)).ToReply(stream => stream);
        await foreach (var view in entities.WithCancellation(context.CancellationToken))
        {
            await responseStream.WriteAsync(EntityMapper.ToProto(view), context.CancellationToken);
        }
    }

    public override async Task<AggregateEntitiesResponse> AggregateEntities(AggregateEntitiesRequest request, ServerCallContext context) =>
        (await mediator.Send(new AggregateEntitiesQuery(request.Parent, AccessMapper.NullIfEmpty(request.Filter), request.GroupBy,
            request.Aggregations.Select(a => new AggregationSpec((Application.Eav.Entities.AggregateFunction)(int)a.Function, AccessMapper.NullIfEmpty(a.Attribute))).ToList(),
            request.Limit), context.CancellationToken))
        .ToReply(groups => new AggregateEntitiesResponse { Groups = { groups.Select(EntityMapper.ToProto) } });

    public override async Task<ListEntityRevisionsResponse> ListEntityRevisions(ListEntityRevisionsRequest request, ServerCallContext context) =>
        (await mediator.Send(new ListEntityRevisionsQuery(request.Parent, request.PageSize, AccessMapper.NullIfEmpty(request.PageToken)), context.CancellationToken))
        .ToReply(page => new ListEntityRevisionsResponse { Revisions = { page.Revisions.Select(r => EntityMapper.ToProto(r)) }, NextPageToken = page.NextPageToken });

    public override async Task<EntityRevision> GetEntityRevision(GetEntityRevisionRequest request, ServerCallContext context) =>
        (await mediator.Send(new GetEntityRevisionQuery(request.Name), context.CancellationToken)).ToReply(v => EntityMapper.ToProto(v.Revision, v.Type));

    public override async Task<Entity> RestoreEntityRevision(RestoreEntityRevisionRequest request, ServerCallContext context) =>
        (await mediator.Send(new RestoreEntityRevisionCommand(request.Name, AccessMapper.NullIfEmpty(request.Etag), AccessMapper.NullIfEmpty(request.RequestId)),
            context.CancellationToken)).ToReply(EntityMapper.ToProto);

    /// <summary>The stream's entities, the header message's first; an entity's name may carry a client id.</summary>
    private static async IAsyncEnumerable<ImportItem> Items(ImportEntitiesRequest first, IAsyncStreamReader<ImportEntitiesRequest> rest,
        [EnumeratorCancellation] CancellationToken ct)
    {
        long index = 0;
        var message = first;
        while (true)
        {
            foreach (var entity in message.Entities)
            {
                yield return new ImportItem(index++, IdOf(entity.Name), EntityMapper.ToJson(entity.Attributes));
            }

            if (!await rest.MoveNext(ct))
            {
                yield break;
            }

            message = rest.Current;
        }
    }

    private static string? IdOf(string name) => string.IsNullOrEmpty(name) ? null : name[(name.LastIndexOf('/') + 1)..];
}
