namespace Platform.Application.Eav.Filtering.Syntax;

/// <summary>NOT or a leading '-'.</summary>
public sealed record NotSyntax(FilterSyntax Operand, int Position) : FilterSyntax(Position);
