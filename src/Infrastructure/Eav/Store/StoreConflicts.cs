using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Platform.Application.Abstractions.Eav;
using Platform.Domain.Eav;
using Platform.Infrastructure.Eav.Dialects;
using Platform.Infrastructure.Eav.Indexing;

namespace Platform.Infrastructure.Eav.Store;

/// <summary>
/// Turns a key violation on the entities table into what was taken: the primary key (the id) or
/// a unique attribute's index, found by its planned name. Anything else is not a conflict.
/// </summary>
internal static class StoreConflicts
{
    private const string PrimaryKey = "pk_entities";

    public static EntityWrite? Classify(DbException e, EntityType type, EavDialect dialect)
    {
        var constraint = e switch
        {
            PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg => pg.ConstraintName ?? "",
            // Primary key: "UNIQUE constraint failed: entities.tenant_id, …"; expression index: "… failed: index 'eav_…'".
            SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 1555 } => PrimaryKey,
            SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 } s => IndexName(s.Message) ?? PrimaryKey,
            _ => null,
        };

        if (constraint is null)
        {
            return null;
        }

        if (constraint == PrimaryKey || !constraint.StartsWith("eav_", StringComparison.Ordinal))
        {
            return new EntityWrite(EntityWriteStatus.Conflict);
        }

        var attribute = type.VisibleAttributes.Where(a => a.NeedsUniqueIndex)
            .FirstOrDefault(a => EavIndexPlanner.For(dialect, type.TenantId, type)
                .Any(i => i.Unique && i.Name == constraint && i.Keys[^1] == dialect.AttributeExpression(a)));
        return new EntityWrite(EntityWriteStatus.UniqueTaken, attribute?.Key);
    }

    private static string? IndexName(string message)
    {
        const string marker = "index '";
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var start = at + marker.Length;
        var end = message.IndexOf('\'', start);
        return end > start ? message[start..end] : null;
    }
}
