using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Eav;
using Platform.Application.Abstractions.Operations;
using Platform.Application.Abstractions.Search;
using Platform.Application.Eav;
using Platform.Application.Eav.Filtering;
using Platform.Application.Eav.Filtering.Ordering;
using Platform.Domain.Eav;

namespace Platform.Application.Search;

/// <summary>
/// Runs ReindexEntityType operations: reads the type's entities in id order (keyset, deleted ones
/// too) and replaces their documents exactly as the outbox indexer would, so entities that lost
/// their searchable values (or were deleted) leave the index. The type is re-read every chunk, so
/// a schema change during the run applies to the rest of it.
/// </summary>
internal sealed class SearchReindexer(IEntityTypeRepository types, IEntityStore store, ISearchIndex index) : IOperationRunner
{
    public const string OperationKind = "search.reindex";

    public string Kind => OperationKind;

    public async Task<OperationStep> StepAsync(OperationRecord operation, int limit, CancellationToken ct)
    {
        var name = EntityTypeNames.EntityType(operation.Target).Value;
        if (await types.FindCurrentAsync(name.TenantId, name.Id, ct) is not { } type)
        {
            return new OperationStep(0, 0, operation.Cursor, true, (5, $"{operation.Target} was deleted while it was being reindexed.")); // NOT_FOUND
        }

        var after = operation.Cursor is null ? null : new SortCursor([], operation.Cursor);
        var entities = await store.ListAsync(type, new EavListQuery(type.TenantId, type.Id, null, [], after, limit, IncludeDeleted: true), ct);
        var documents = new List<SearchDocument>();
        var removed = new List<string>();
        foreach (var entity in entities)
        {
            if (SearchIndexer.Document(type, entity) is { } document)
            {
                documents.Add(document);
            }
            else
            {
                removed.Add(entity.Id);
            }
        }

        if (entities.Count > 0)
        {
            await index.ReplaceAsync(type.TenantId, type.Id, documents, removed, ct);
        }

        return new OperationStep(entities.Count, documents.Count, entities.Count > 0 ? entities[^1].Id : operation.Cursor, entities.Count < limit);
    }
}
