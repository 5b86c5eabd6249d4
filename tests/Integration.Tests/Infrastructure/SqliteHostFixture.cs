namespace Platform.Integration.Tests.Infrastructure;

/// <summary>The embedded default: a SQLite file in a fresh temporary directory.</summary>
public sealed class SqliteHostFixture : HostFixture
{
    private readonly List<string> _directories = [];

    public override string Provider => "Sqlite";

    public override ValueTask<Dictionary<string, string?>> NewDatabaseAsync()
    {
        var dir = Directory.CreateTempSubdirectory("platform-test-").FullName;
        _directories.Add(dir);
        return ValueTask.FromResult(new Dictionary<string, string?>
        {
            ["Platform:Storage:Provider"] = "Sqlite",
            ["Platform:Storage:DataDirectory"] = dir,
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var dir in _directories)
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open only leaks a temp directory.
            }
        }
    }
}
