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
internal sealed class SearchIndexer(IEntityTypeRepository types, IEntityStore store, ISearchIndex index) : IOutboxSubscriber
{
    public string Topic => EntityEvents.Changed;

    public async Task HandleAsync(OutboxDelivery message, CancellationToken ct)
    {
        if (message.TenantId is not { } tenantId || EntityEvents.Read(message.Payload) is not { } payload)
        {
            return;
        }

        if (await types.FindCurrentAsync(tenantId, payload.Type, ct) is not { } type)
        {
            return; // The type is gone; its documents went with it.
        }

        if (!type.VisibleAttributes.Any(a => a.Searchable))
        {
            return; // Nothing to index (documents left from an earlier schema go with a reindex).
        }

        var found = (await store.FindManyAsync(type, payload.Ids, ct)).ToDictionary(e => e.Id, StringComparer.Ordinal);
        var documents = new List<SearchDocument>();
        var removed = new List<string>();
        foreach (var id in payload.Ids.Distinct(StringComparer.Ordinal))
        {
            var terms = found.TryGetValue(id, out var entity) && !entity.IsDeleted ? DocumentTerms(type, entity) : "";
            if (terms.Length == 0)
            {
                removed.Add(id);
            }
            else
            {
                documents.Add(new SearchDocument(id, terms, Completions(type, found[id]), Values(type, found[id])));
            }
        }

        await index.ReplaceAsync(type.TenantId, type.Id, documents, removed, ct);
    }

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
