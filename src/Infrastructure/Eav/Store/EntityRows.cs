using System.Data.Common;
using System.Text.Json;
using Platform.Domain.Eav;
using Platform.Infrastructure.Eav.Dialects;

namespace Platform.Infrastructure.Eav.Store;

/// <summary>Reads entity and revision rows back into the domain; both providers hand back the same shapes.</summary>
internal static class EntityRows
{
    public const string RevisionColumns = "entity_id, version, operation, changes, principal, time, request_id, snapshot, delete_time";

    /// <summary>A row of <see cref="EavTable.DefaultColumns"/>.</summary>
    public static Entity ReadEntity(DbDataReader r, EntityType type, EavDialect dialect) =>
        Entity.Load(type.TenantId, type.Id, r.GetString(0), dialect.DecodeDocument(type, r.GetString(1)), r.GetInt64(5),
            Utc(r.GetDateTime(2)), Utc(r.GetDateTime(3)), r.IsDBNull(4) ? null : Utc(r.GetDateTime(4)));

    /// <summary>A row of <see cref="RevisionColumns"/>.</summary>
    public static EntityRevision ReadRevision(DbDataReader r, EntityType type)
    {
        var (before, after) = ReadChanges(type, r.GetString(3));
        return new EntityRevision(type.TenantId, type.Id, r.GetString(0), r.GetInt64(1), (RevisionOperation)r.GetInt32(2),
            AttributeDiff.Between(before, after), r.GetString(4), Utc(r.GetDateTime(5)), r.IsDBNull(6) ? null : r.GetString(6),
            AttributeJsonReader.ReadStored(type, r.GetString(7)), r.IsDBNull(8) ? null : Utc(r.GetDateTime(8)));
    }

    /// <summary>
    /// A revision's changes as <c>{"old": {…}, "new": {…}}</c>: the changed attributes' values on
    /// each side in canonical JSON (a side without the key had no value).
    /// </summary>
    public static string WriteChanges(IReadOnlyList<AttributeChange> changes) => AttributeJson.Write(w =>
    {
        w.WritePropertyName("old");
        w.WriteRawValue(AttributeJson.Serialize(new AttributeMap(changes.Where(c => c.Old is not null).Select(c => KeyValuePair.Create(c.Key, c.Old!)))));
        w.WritePropertyName("new");
        w.WriteRawValue(AttributeJson.Serialize(new AttributeMap(changes.Where(c => c.New is not null).Select(c => KeyValuePair.Create(c.Key, c.New!)))));
    });

    private static (AttributeMap Before, AttributeMap After) ReadChanges(EntityType type, string json)
    {
        using var document = JsonDocument.Parse(json);
        return (AttributeJsonReader.ReadStored(type, document.RootElement.GetProperty("old").GetRawText()),
            AttributeJsonReader.ReadStored(type, document.RootElement.GetProperty("new").GetRawText()));
    }

    // SQLite hands back TEXT times without a kind; everything stored is UTC.
    public static DateTime Utc(DateTime t) => t.Kind == DateTimeKind.Utc ? t : DateTime.SpecifyKind(t, DateTimeKind.Utc);
}
