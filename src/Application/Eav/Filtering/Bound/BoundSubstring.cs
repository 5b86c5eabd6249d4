using Platform.Domain.Eav;

namespace Platform.Application.Eav.Filtering.Bound;

/// <summary>
/// <c>attributes.k:"text"</c> on STRING or TEXT: a case-sensitive substring test on the NFC text.
/// Word and fuzzy matching belong to search; a substring test cannot use a B-tree index.
/// </summary>
public sealed record BoundSubstring(AttributeDefinition Attribute, string Text) : BoundFilter;
