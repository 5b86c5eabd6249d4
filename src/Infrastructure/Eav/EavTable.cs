namespace Platform.Infrastructure.Eav;

/// <summary>
/// The one table every entity of every tenant lives in (no per-tenant DDL), named in one place
/// for the translator, the index builder and the migrations. Expected columns:
/// tenant_id, type_id, id (text; on PostgreSQL declare COLLATE "C" so id order is byte order and
/// the key index serves the id tiebreak), attrs (jsonb on PostgreSQL, TEXT on SQLite),
/// create_time, update_time, delete_time (timestamptz on PostgreSQL; on SQLite TEXT as EF Core
/// writes it, 'yyyy-MM-dd HH:mm:ss.FFFFFFF', which is also how DateTime parameters are bound)
/// and version (bigint, the etag).
/// </summary>
public static class EavTable
{
    public const string Name = "entities";
    public const string TenantId = "tenant_id";
    public const string TypeId = "type_id";
    public const string Id = "id";
    public const string Attributes = "attrs";
    public const string CreateTime = "create_time";
    public const string UpdateTime = "update_time";
    public const string DeleteTime = "delete_time";
    public const string Version = "version";

    /// <summary>What a list query selects unless told otherwise.</summary>
    public const string DefaultColumns = $"{Id}, {Attributes}, {CreateTime}, {UpdateTime}, {DeleteTime}, {Version}";
}
