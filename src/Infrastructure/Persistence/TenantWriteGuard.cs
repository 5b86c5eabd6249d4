using Microsoft.EntityFrameworkCore;
using Platform.Domain.Tenancy;
using Platform.Infrastructure.Persistence.Configurations;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// Refuses to save a tenant-owned row that belongs to another tenant than the call's. A handler
/// bug must never become a cross-tenant write; this turns it into a loud INTERNAL instead.
/// </summary>
internal static class TenantWriteGuard
{
    public static void Check(PlatformDbContext db)
    {
        if (db.CurrentTenantId is not { } tenant)
        {
            return; // Operator calls and background jobs without a tenant are platform-level.
        }

        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var owner = entry.Entity is Tenant
                ? entry.Property(TenantConfiguration.Key).CurrentValue as string
                : entry.Metadata.FindProperty("TenantId") is { } p ? entry.Property(p.Name).CurrentValue as string : tenant;
            if (owner != tenant)
            {
                throw new InvalidOperationException(
                    $"Refused to save a {entry.Metadata.ClrType.Name} of another tenant while acting for tenant '{tenant}'.");
            }
        }
    }
}
