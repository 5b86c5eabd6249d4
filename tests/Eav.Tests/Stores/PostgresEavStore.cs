using System.Data.Common;
using Npgsql;
using Platform.Infrastructure.Eav.Dialects;

namespace Platform.Eav.Tests.Stores;

/// <summary>
/// A scratch database on the PostgreSQL server in PLATFORM_TEST_POSTGRES (scripts/test.sh or
/// scripts/dev-services.sh start one), dropped on dispose. Without the server the tests fail.
/// </summary>
public sealed class PostgresEavStore : EavStore
{
    private readonly string _database = $"platform_eav_{Guid.NewGuid():N}";
    private NpgsqlConnection _connection = null!;

    private PostgresEavStore()
    {
    }

    public override EavDialect Dialect => PostgresEavDialect.Instance;

    protected override DbConnection Connection => _connection;

    protected override string TableSql =>
        "CREATE TABLE entities (tenant_id text NOT NULL, type_id text NOT NULL, id text COLLATE \"C\" NOT NULL, attrs jsonb NOT NULL, " +
        "create_time timestamptz NOT NULL, update_time timestamptz NOT NULL, delete_time timestamptz NULL, version bigint NOT NULL, " +
        "PRIMARY KEY (tenant_id, type_id, id)); " + PostgresEavDialect.ContainmentIndexSql;

    protected override string ExplainPrefix => "EXPLAIN ";

    private static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("PLATFORM_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "PLATFORM_TEST_POSTGRES is not set. Run ./scripts/test.sh, or ./scripts/dev-services.sh and export what it prints.");

    public static async Task<PostgresEavStore> CreateAsync()
    {
        var store = new PostgresEavStore();
        await using (var server = new NpgsqlConnection(ServerConnectionString))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {store._database}", server);
            await create.ExecuteNonQueryAsync();
        }

        store._connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = store._database, Pooling = false }.ConnectionString);
        await store._connection.OpenAsync();
        await store.CreateTableAsync();
        return store;
    }

    public override async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        await using var server = new NpgsqlConnection(ServerConnectionString);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }
}
