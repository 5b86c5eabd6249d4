using Microsoft.EntityFrameworkCore;
using Platform.Application.Abstractions;
using Platform.Domain.Tenancy;
using Platform.Infrastructure.Persistence.Configurations;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// The one model, shared by both providers. Each provider has its own subclass so that it owns
/// its own migrations (column types differ: jsonb vs TEXT, timestamptz vs TEXT).
/// </summary>
public abstract class PlatformDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();

    /// <summary>Column type for JSON documents on this provider.</summary>
    protected abstract string JsonColumnType { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new TenantConfiguration(JsonColumnType));
        modelBuilder.ApplyConfiguration(new IdempotencyConfiguration());
    }
}
