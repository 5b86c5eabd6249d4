using Microsoft.EntityFrameworkCore;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Security;
using Platform.Domain.Access;
using Platform.Domain.Audit;
using Platform.Domain.Eav;
using Platform.Domain.Quota;
using Platform.Domain.Tenancy;
using Platform.Infrastructure.Persistence.Configurations;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// The one model, shared by both providers. Each provider has its own subclass so that it owns
/// its own migrations (column types differ: jsonb vs TEXT, timestamptz vs TEXT).
/// Defence in depth for tenancy: every tenant-owned table has a global query filter on the
/// call's tenant, and SaveChanges refuses to write a row of another tenant.
/// </summary>
public abstract class PlatformDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<IdempotencyRecord> IdempotencyKeys => Set<IdempotencyRecord>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<Role> Roles => Set<Role>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<Plan> Plans => Set<Plan>();

    public DbSet<QuotaOverride> QuotaOverrides => Set<QuotaOverride>();

    public DbSet<EntityType> EntityTypes => Set<EntityType>();

    /// <summary>Set per scope (pooled contexts are reused): the call whose tenant scopes every query.</summary>
    public IRequestContext? RequestContext { get; set; }

    /// <summary>Referenced by the query filters; EF re-evaluates it for every query.</summary>
    public string? CurrentTenantId => RequestContext?.TenantId;

    /// <summary>Column type for JSON documents on this provider.</summary>
    protected abstract string JsonColumnType { get; }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        TenantWriteGuard.Check(this);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        TenantWriteGuard.Check(this);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new TenantConfiguration(JsonColumnType));
        modelBuilder.ApplyConfiguration(new IdempotencyConfiguration());
        modelBuilder.ApplyConfiguration(new ApiKeyConfiguration(JsonColumnType));
        modelBuilder.ApplyConfiguration(new MemberConfiguration(JsonColumnType));
        modelBuilder.ApplyConfiguration(new RoleConfiguration(JsonColumnType));
        modelBuilder.ApplyConfiguration(new AuditEventConfiguration());
        modelBuilder.ApplyConfiguration(new PlanConfiguration(JsonColumnType));
        modelBuilder.ApplyConfiguration(new QuotaOverrideConfiguration(JsonColumnType));
        modelBuilder.ApplyConfiguration(new QuotaCounterConfiguration());
        modelBuilder.ApplyConfiguration(new EntityTypeConfiguration(JsonColumnType));

        modelBuilder.Entity<ApiKey>().HasQueryFilter(k => CurrentTenantId == null || k.TenantId == CurrentTenantId);
        modelBuilder.Entity<Member>().HasQueryFilter(m => CurrentTenantId == null || m.TenantId == CurrentTenantId);
        modelBuilder.Entity<Role>().HasQueryFilter(r => CurrentTenantId == null || r.TenantId == CurrentTenantId);
        modelBuilder.Entity<AuditEvent>().HasQueryFilter(e => CurrentTenantId == null || e.TenantId == CurrentTenantId);
        modelBuilder.Entity<QuotaOverride>().HasQueryFilter(o => CurrentTenantId == null || o.TenantId == CurrentTenantId);
        modelBuilder.Entity<Quota.QuotaCounter>().HasQueryFilter(c => CurrentTenantId == null || c.TenantId == CurrentTenantId);
        modelBuilder.Entity<EntityType>().HasQueryFilter(t => CurrentTenantId == null || t.TenantId == CurrentTenantId);
    }
}
