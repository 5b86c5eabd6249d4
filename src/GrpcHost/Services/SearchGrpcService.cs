using Grpc.Core;
using Mediator;
using Platform.Application.Search;
using Platform.GrpcHost.Errors;
using Platform.GrpcHost.Mapping;
using Platform.Search.V1;

namespace Platform.GrpcHost.Services;

/// <summary>platform.search.v1.SearchService.</summary>
public sealed class SearchGrpcService(IMediator mediator) : SearchService.SearchServiceBase
{
    public override async Task<SearchEntitiesResponse> SearchEntities(SearchEntitiesRequest request, ServerCallContext context) =>
        (await mediator.Send(new SearchEntitiesQuery(request.Parent, AccessMapper.NullIfEmpty(request.Query), AccessMapper.NullIfEmpty(request.Filter),
            request.PageSize, AccessMapper.NullIfEmpty(request.PageToken), request.Facets, request.Consistency == Consistency.Strong), context.CancellationToken))
        .ToReply(SearchMapper.ToProto);
}
