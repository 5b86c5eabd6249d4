namespace Platform.Infrastructure.Eav.Sql;

/// <summary>How a parameter is typed for the provider; PostgreSQL needs jsonb said explicitly.</summary>
public enum SqlArgumentType
{
    Text,
    Int64,
    Timestamp,
    Json,
}
