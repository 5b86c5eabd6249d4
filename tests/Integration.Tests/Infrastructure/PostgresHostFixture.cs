using Npgsql;

namespace Platform.Integration.Tests.Infrastructure;

/// <summary>
/// A fresh database per fixture on the real PostgreSQL server that scripts/test.sh starts
/// (connection in PLATFORM_TEST_POSTGRES), with rate limits on its real Redis (PLATFORM_TEST_REDIS).
/// Without them the tests fail: they never fall back.
/// </summary>
public sealed class PostgresHostFixture : HostFixture
{
    private readonly List<string> _databases = [];

    public override string Provider => "Postgres";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("PLATFORM_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "PLATFORM_TEST_POSTGRES is not set. Run ./scripts/test.sh, or ./scripts/dev-services.sh and export what it prints.");

    public static string RedisEndpoint =>
        Environment.GetEnvironmentVariable("PLATFORM_TEST_REDIS") is { Length: > 0 } r
            ? r
            : throw new InvalidOperationException(
                "PLATFORM_TEST_REDIS is not set. Run ./scripts/test.sh, or ./scripts/dev-services.sh and export what it prints.");

    public override async ValueTask<Dictionary<string, string?>> NewDatabaseAsync()
    {
        var name = $"platform_test_{Guid.NewGuid():N}";
        await using (var conn = new NpgsqlConnection(ServerConnectionString))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }

        _databases.Add(name);
        return new Dictionary<string, string?>
        {
            ["Platform:Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Platform"] = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString,
            // The distributed deployment: rate limits on the real Redis (SQLite hosts use the in-process limiter).
            ["ConnectionStrings:Redis"] = RedisEndpoint,
            // The contract tests check what is decided, not the 50 ms latency budget: on a loaded
            // 2-core CI machine a Redis reply can take longer, and the (correct) local fallback would
            // make limits approximate. The fallback has its own tests (RedisFaultTests, FailOpenRateLimiterTests).
            ["Platform:RateLimiting:TimeoutMs"] = "2000",
        };
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(ServerConnectionString);
        await conn.OpenAsync();
        foreach (var name in _databases)
        {
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
