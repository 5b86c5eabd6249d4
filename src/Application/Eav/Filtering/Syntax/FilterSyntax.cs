namespace Platform.Application.Eav.Filtering.Syntax;

/// <summary>A parsed, not yet type-checked filter. <see cref="Position"/> is a UTF-16 index into the filter text.</summary>
public abstract record FilterSyntax(int Position);
