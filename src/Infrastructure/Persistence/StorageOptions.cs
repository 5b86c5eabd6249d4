namespace Platform.Infrastructure.Persistence;

/// <summary>Bound from <c>Platform:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Platform:Storage";

    /// <summary><c>Sqlite</c> (embedded default) or <c>Postgres</c> (uses <c>ConnectionStrings:Platform</c>).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Where the SQLite file lives.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>Apply pending migrations when the host starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

public enum StorageProvider
{
    Sqlite,
    Postgres,
}
