namespace Platform.Application.Eav.Filtering.Bound;

public sealed record BoundNot(BoundFilter Operand) : BoundFilter;
