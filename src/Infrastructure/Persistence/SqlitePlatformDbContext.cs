using Microsoft.EntityFrameworkCore;

namespace Platform.Infrastructure.Persistence;

public sealed class SqlitePlatformDbContext(DbContextOptions<SqlitePlatformDbContext> options) : PlatformDbContext(options)
{
    protected override string JsonColumnType => "TEXT";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite stores DateTime as text without a kind; everything we store is UTC.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }
}
