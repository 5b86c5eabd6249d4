namespace Platform.Application.Eav.Filtering.Syntax;

/// <summary><c>field comparator value</c>; the node's position is the field's.</summary>
public sealed record RestrictionSyntax(string Field, Comparator Comparator, int ComparatorPosition, LiteralSyntax Value, int Position)
    : FilterSyntax(Position);
