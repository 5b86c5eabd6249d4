namespace Platform.Application.Eav.Filtering.Bound;

public sealed record BoundAnd(IReadOnlyList<BoundFilter> Operands) : BoundFilter;
