namespace Platform.Infrastructure.Eav.Sql;

/// <summary>A named parameter of generated SQL; values never appear in the SQL text.</summary>
public sealed record SqlArgument(string Name, object Value, SqlArgumentType Type);
