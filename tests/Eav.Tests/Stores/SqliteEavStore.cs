using System.Data.Common;
using Microsoft.Data.Sqlite;
using Platform.Infrastructure.Eav.Dialects;

namespace Platform.Eav.Tests.Stores;

/// <summary>A SQLite database in a temporary file, deleted on dispose.</summary>
public sealed class SqliteEavStore : EavStore
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"platform-eav-{Guid.NewGuid():N}.db");
    private readonly SqliteConnection _connection;

    private SqliteEavStore()
    {
        _connection = new SqliteConnection($"Data Source={_path};Pooling=False");
    }

    public override EavDialect Dialect => SqliteEavDialect.Instance;

    protected override DbConnection Connection => _connection;

    protected override string TableSql =>
        "CREATE TABLE entities (tenant_id TEXT NOT NULL, type_id TEXT NOT NULL, id TEXT NOT NULL, attrs TEXT NOT NULL, " +
        "create_time TEXT NOT NULL, update_time TEXT NOT NULL, delete_time TEXT NULL, version INTEGER NOT NULL, " +
        "PRIMARY KEY (tenant_id, type_id, id))";

    protected override string ExplainPrefix => "EXPLAIN QUERY PLAN ";

    public static async Task<SqliteEavStore> CreateAsync()
    {
        var store = new SqliteEavStore();
        await store._connection.OpenAsync();
        await store.CreateTableAsync();
        return store;
    }

    public override async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        File.Delete(_path);
    }
}
