using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Platform.Infrastructure.Eav.Dialects;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Eav.Indexing;

/// <summary>
/// Index DDL as the builder runs it: on one open connection and never in a transaction
/// (PostgreSQL refuses CREATE / DROP INDEX CONCURRENTLY inside one), with no command timeout (a
/// build lasts as long as the type is large; stopping the host cancels it), and through ADO.NET
/// rather than EF, whose command log would report an expected unique violation as an error.
/// </summary>
internal sealed class EavIndexDdl
{
    // A session lock (released with the connection if the host dies); the key is "eav_idx" in ASCII.
    private const string LockSql = "SELECT pg_try_advisory_lock(28536133682553976)";
    private const string UnlockSql = "SELECT pg_advisory_unlock(28536133682553976)";
    private const string PostgresHasTableSql = "SELECT to_regclass('eav_indexes') IS NOT NULL";
    private const string SqliteHasTableSql = "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'eav_indexes'";
    private const string IsValidSql =
        "SELECT i.indisvalid FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid WHERE c.relname = @name AND pg_table_is_visible(c.oid)";

    private readonly DbConnection _connection;
    private readonly EavDialect _dialect;

    private EavIndexDdl(DbConnection connection, EavDialect dialect)
    {
        _connection = connection;
        _dialect = dialect;
    }

    private bool IsPostgres => _dialect is PostgresEavDialect;

    /// <summary>Opens the context's connection and keeps it open, so a session lock holds until disposal.</summary>
    public static async Task<EavIndexDdl> OpenAsync(PlatformDbContext db, EavDialect dialect, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        return new EavIndexDdl(db.Database.GetDbConnection(), dialect);
    }

    /// <summary>
    /// False until the host's start-up has migrated. Asked of the catalog, not of EF's migration
    /// history, whose query EF logs as a failure while the history table does not exist yet.
    /// </summary>
    public async Task<bool> HasTableAsync(CancellationToken ct) =>
        Convert.ToBoolean(await ScalarAsync(IsPostgres ? PostgresHasTableSql : SqliteHasTableSql, null, ct), CultureInfo.InvariantCulture);

    /// <summary>
    /// False when another host's builder holds the PostgreSQL lock: two concurrent builds of one
    /// name would fail each other, and the loser would drop the winner's index. SQLite builds
    /// under its single write lock, so IF NOT EXISTS already makes a second build a no-op.
    /// </summary>
    public async Task<bool> TryLockAsync(CancellationToken ct) =>
        !IsPostgres || await ScalarAsync(LockSql, null, ct) is true;

    public async Task UnlockAsync()
    {
        if (IsPostgres)
        {
            await ScalarAsync(UnlockSql, null, CancellationToken.None);
        }
    }

    public async Task CreateAsync(string name, string createSql, CancellationToken ct)
    {
        // An interrupted PostgreSQL build (crash, stop) leaves an INVALID index of that name,
        // which IF NOT EXISTS would take for a finished one.
        if (IsPostgres && await ScalarAsync(IsValidSql, name, ct) is false)
        {
            await DropAsync(name, ct);
        }

        await ScalarAsync(createSql, null, ct);
    }

    public Task DropAsync(string name, CancellationToken ct) => ScalarAsync(_dialect.DropIndexSql(name), null, ct);

    /// <summary>Runs planned DDL as it is (statistics for the planner).</summary>
    public Task RunAsync(string sql, CancellationToken ct) => ScalarAsync(sql, null, ct);

    private async Task<object?> ScalarAsync(string sql, string? name, CancellationToken ct)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = IsPostgres ? 0 : command.CommandTimeout; // SQLite's is its busy wait: keep the connection's.
        if (name is not null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "name";
            parameter.Value = name;
            command.Parameters.Add(parameter);
        }

        var value = await command.ExecuteScalarAsync(ct);
        return value is DBNull ? null : value;
    }
}
