namespace Platform.Application.Eav.Filtering.Bound;

public sealed record BoundOr(IReadOnlyList<BoundFilter> Operands) : BoundFilter;
