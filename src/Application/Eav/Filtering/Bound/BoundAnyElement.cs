using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;

namespace Platform.Application.Eav.Filtering.Bound;

/// <summary>
/// Some item of a repeated attribute compares true with <see cref="Value"/>. The filter language
/// produces only <see cref="CompareOp.Equal"/> (<c>attributes.tags:"x"</c>); schema checks use the others.
/// </summary>
public sealed record BoundAnyElement(AttributeDefinition Attribute, CompareOp Op, AttributeValue Value) : BoundFilter;
