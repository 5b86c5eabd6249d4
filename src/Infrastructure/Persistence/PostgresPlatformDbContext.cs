using Microsoft.EntityFrameworkCore;

namespace Platform.Infrastructure.Persistence;

public sealed class PostgresPlatformDbContext(DbContextOptions<PostgresPlatformDbContext> options) : PlatformDbContext(options)
{
    protected override string JsonColumnType => "jsonb";
}
