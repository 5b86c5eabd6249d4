using Platform.Domain.Eav.Values;

namespace Platform.Application.Eav.Filtering.Bound;

/// <summary>A single-valued field compared with a canonical value of the field's type.</summary>
public sealed record BoundComparison(FilterField Field, CompareOp Op, AttributeValue Value) : BoundFilter;
