namespace Platform.Infrastructure.Eav.Sql;

/// <summary>A value about to become a parameter (it gets its name when written).</summary>
public readonly record struct SqlValue(object Value, SqlArgumentType Type);
