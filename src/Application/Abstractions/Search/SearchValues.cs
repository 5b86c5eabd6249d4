using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;

namespace Platform.Application.Abstractions.Search;

/// <summary>
/// What a ListEntities filter or a facet reads of an entity, carried in its search document: the
/// database backend reads the entity table instead, an external engine (OpenSearch) has only the document.
/// </summary>
/// <param name="Attributes">Every visible filterable attribute the entity has, with its type (a repeated one as its list).</param>
public sealed record SearchValues(IReadOnlyList<IndexedValue> Attributes, DateTime CreateTime, DateTime UpdateTime);

public sealed record IndexedValue(string Attribute, AttributeType Type, AttributeValue Value);

/// <summary>
/// A search the backend cannot answer exactly (e.g. a filter form an external engine has no exact
/// equivalent for): refused rather than answered wrongly. <paramref name="Field"/> names the request field.
/// </summary>
public sealed class SearchNotSupportedException(string field, string message) : NotSupportedException(message)
{
    public string Field { get; } = field;
}
