namespace Platform.Application.Eav.Filtering.Syntax;

/// <summary>Explicit AND, or AIP-160's implicit AND of juxtaposed terms.</summary>
public sealed record AndSyntax(IReadOnlyList<FilterSyntax> Operands, int Position) : FilterSyntax(Position);
