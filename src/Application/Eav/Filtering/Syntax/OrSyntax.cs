namespace Platform.Application.Eav.Filtering.Syntax;

public sealed record OrSyntax(IReadOnlyList<FilterSyntax> Operands, int Position) : FilterSyntax(Position);
