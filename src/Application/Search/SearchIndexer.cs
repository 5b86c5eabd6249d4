using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Eav;
using Platform.Application.Abstractions.Outbox;
using Platform.Application.Abstractions.Search;
using Platform.Application.Eav.Entities;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;

namespace Platform.Application.Search;

/// <summary>
/// Keeps the search index in step with entities: on <c>entity.changed</c> it reads the entities'
/// current state (never the message's, so redelivery and reordering are harmless) and replaces
/// their documents; deleted entities and entities with nothing searchable leave the index.
/// Runs in the tenant's context (the outbox worker sets it).
/// </summary>
internal sealed class SearchIndexer(IEntityTypeRepository types, IEntityStore store, ISearchIndex index) : IOutboxBatchSubscriber
{
    public string Topic => EntityEvents.Changed;

    private const int MaxEntitiesPerPass = 1000;

    public Task HandleAsync(OutboxDelivery message, CancellationToken ct) => HandleBatchAsync([message], ct);

    /// <summary>Messages of one tenant merged per entity type: a burst of single-entity writes is indexed in one pass per type.</summary>
    public async Task HandleBatchAsync(IReadOnlyList<OutboxDelivery> messages, CancellationToken ct)
    {
        var byType = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var message in messages)
        {
            if (message.TenantId is not null && EntityEvents.Read(message.Payload) is { } payload)
            {
                (byType.TryGetValue(payload.Type, out var ids) ? ids : byType[payload.Type] = []).AddRange(payload.Ids);
            }
        }

        foreach (var (typeName, ids) in byType)
        {
            // Import chunks bring 500 ids a message: bounded reads and writes whatever the batch holds.
            foreach (var chunk in ids.Distinct(StringComparer.Ordinal).Chunk(MaxEntitiesPerPass))
            {
                await IndexAsync(messages[0].TenantId!, typeName, [.. chunk], ct);
            }
        }
    }

    private async Task IndexAsync(string tenantId, string typeName, List<string> ids, CancellationToken ct)
    {
        if (await types.FindCurrentAsync(tenantId, typeName, ct) is not { } type)
        {
            return; // The type is gone; its documents went with it.
        }

        if (!type.VisibleAttributes.Any(a => a.Searchable || a.Type == AttributeType.GeoPoint))
        {
            return; // Nothing to index (documents left from an earlier schema go with a reindex).
        }

        var found = (await store.FindManyAsync(type, ids, ct)).ToDictionary(e => e.Id, StringComparer.Ordinal);
        var documents = new List<SearchDocument>();
        var removed = new List<string>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
        {
            if (found.TryGetValue(id, out var entity) && Document(type, entity) is { } document)
            {
                documents.Add(document);
            }
            else
            {
                removed.Add(id);
            }
        }

        await index.ReplaceAsync(type.TenantId, type.Id, documents, removed, ct);
    }

    /// <summary>
    /// The entity's document; null when it is deleted or has neither searchable text nor a point (its
    /// document must go). A place without searchable text is still found by a geo search. Shared with reindexing.
    /// </summary>
    public static SearchDocument? Document(EntityType type, Entity entity)
    {
        if (entity.IsDeleted)
        {
            return null;
        }

        var terms = DocumentTerms(type, entity);
        var points = Points(type, entity);
        return terms.Length == 0 && points.Count == 0 ? null : new SearchDocument(entity.Id, terms, Completions(type, entity), points, Values(type, entity));
    }

    /// <summary>Every visible GEO_POINT value: geo search may use any of them.</summary>
    private static List<IndexedPoint> Points(EntityType type, Entity entity) =>
        [.. type.VisibleAttributes.Where(a => a.Type == AttributeType.GeoPoint)
            .Select(a => (a.Key, Value: entity.Attributes.Get(a.Key)))
            .Where(p => p.Value is GeoPointValue)
            .Select(p => new IndexedPoint(p.Key, ((GeoPointValue)p.Value!).Latitude, ((GeoPointValue)p.Value!).Longitude))];

    /// <summary>What autocomplete may offer: the values of searchable STRING and ENUM attributes (TEXT is too long to complete to).</summary>
    private static List<CompletionValue> Completions(EntityType type, Entity entity) =>
        [.. SearchableTexts(type, entity.Attributes).Where(t => t.Attribute.Type is AttributeType.String or AttributeType.Enum)
            .Select(t => new CompletionValue(t.Attribute.Key, t.Text))];

    /// <summary>What a filter or facet may read: the visible filterable attributes the entity has, and its timestamps.</summary>
    private static SearchValues Values(EntityType type, Entity entity) =>
        new([.. type.VisibleAttributes.Where(a => a.Filterable)
                .Select(a => (Attribute: a, Value: entity.Attributes.Get(a.Key)))
                .Where(p => p.Value is not null)
                .Select(p => new IndexedValue(p.Attribute.Key, p.Attribute.Type, p.Value!))],
            entity.CreateTime, entity.UpdateTime);

    /// <summary>The analyzed terms of every searchable visible attribute, space-separated.</summary>
    public static string DocumentTerms(EntityType type, Entity entity) =>
        string.Join(' ', SearchableTexts(type, entity.Attributes).SelectMany(t => SearchText.Terms(t.Text)));

    public static IEnumerable<(AttributeDefinition Attribute, string Text)> SearchableTexts(EntityType type, AttributeMap attributes)
    {
        foreach (var attribute in type.VisibleAttributes.Where(a => a.Searchable))
        {
            var values = attributes.Get(attribute.Key) switch
            {
                ListValue list => list.Items,
                { } value => [value],
                null => [],
            };
            foreach (var value in values.OfType<TextValue>())
            {
                yield return (attribute, value.Value);
            }
        }
    }
}
