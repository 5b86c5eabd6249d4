namespace Platform.Application.Eav.Filtering.Syntax;

public sealed record LiteralSyntax(LiteralKind Kind, string Text, int Position) : FilterSyntax(Position);
