using Grpc.Core;
using Mediator;
using Platform.Application.Search;
using Platform.Application.Search.Synonyms;
using Platform.GrpcHost.Errors;
using Platform.GrpcHost.Mapping;
using Platform.Search.V1;

namespace Platform.GrpcHost.Services;

/// <summary>platform.search.v1.SearchService.</summary>
public sealed class SearchGrpcService(IMediator mediator) : SearchService.SearchServiceBase
{
    public override async Task<SearchEntitiesResponse> SearchEntities(SearchEntitiesRequest request, ServerCallContext context) =>
        (await mediator.Send(new SearchEntitiesQuery(request.Parent, AccessMapper.NullIfEmpty(request.Query), AccessMapper.NullIfEmpty(request.Filter),
            request.PageSize, AccessMapper.NullIfEmpty(request.PageToken), request.Facets, request.Consistency == Consistency.Strong, request.Fuzziness != Fuzziness.Off,
            SearchMapper.ToGeo(request.Geo), AccessMapper.NullIfEmpty(request.OrderBy), request.ReadMask?.Paths ?? [],
            [.. request.RangeFacets.Select(f => new RangeFacetArgs(f.Attribute, [.. f.Boundaries]))]), context.CancellationToken))
        .ToReply(SearchMapper.ToProto);

    public override async Task<SuggestCompletionsResponse> SuggestCompletions(SuggestCompletionsRequest request, ServerCallContext context) =>
        (await mediator.Send(new SuggestCompletionsQuery(request.Parent, request.Prefix, request.PageSize), context.CancellationToken))
        .ToReply(list => new SuggestCompletionsResponse
        {
            Suggestions = { list.Select(c => new Suggestion { Text = c.Value, Attribute = c.Attribute, EntityCount = c.Entities }) },
        });

    public override async Task<SynonymSet> CreateSynonymSet(CreateSynonymSetRequest request, ServerCallContext context) =>
        (await mediator.Send(new CreateSynonymSetCommand(request.Parent, request.SynonymSetId, SearchMapper.ToDraft(request.SynonymSet)),
            context.CancellationToken)).ToReply(SearchMapper.ToProto);

    public override async Task<SynonymSet> GetSynonymSet(GetSynonymSetRequest request, ServerCallContext context) =>
        (await mediator.Send(new GetSynonymSetQuery(request.Name), context.CancellationToken)).ToReply(SearchMapper.ToProto);

    public override async Task<ListSynonymSetsResponse> ListSynonymSets(ListSynonymSetsRequest request, ServerCallContext context) =>
        (await mediator.Send(new ListSynonymSetsQuery(request.Parent, request.PageSize, AccessMapper.NullIfEmpty(request.PageToken)), context.CancellationToken))
        .ToReply(page => new ListSynonymSetsResponse { SynonymSets = { page.SynonymSets.Select(SearchMapper.ToProto) }, NextPageToken = page.NextPageToken });

    public override async Task<SynonymSet> UpdateSynonymSet(UpdateSynonymSetRequest request, ServerCallContext context)
    {
        var set = request.SynonymSet ?? new SynonymSet();
        return (await mediator.Send(new UpdateSynonymSetCommand(set.Name, AccessMapper.NullIfEmpty(set.Etag), SearchMapper.ToDraft(set)), context.CancellationToken))
            .ToReply(SearchMapper.ToProto);
    }

    public override async Task<Google.LongRunning.Operation> ReindexEntityType(ReindexEntityTypeRequest request, ServerCallContext context) =>
        (await mediator.Send(new ReindexEntityTypeCommand(request.Name, AccessMapper.NullIfEmpty(request.RequestId)), context.CancellationToken))
        .ToReply(OperationMapper.ToProto);

    public override async Task<Google.Protobuf.WellKnownTypes.Empty> DeleteSynonymSet(DeleteSynonymSetRequest request, ServerCallContext context) =>
        (await mediator.Send(new DeleteSynonymSetCommand(request.Name, AccessMapper.NullIfEmpty(request.Etag)), context.CancellationToken))
        .ToReply(_ => new Google.Protobuf.WellKnownTypes.Empty());
}
