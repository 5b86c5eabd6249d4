using Platform.Application.Abstractions;
using Platform.Domain.Common;
using Platform.Domain.Tenancy;

namespace Platform.Application.Tenancy;

internal static class TenantLookup
{
    /// <summary>Loads a tenant that still exists for clients (not past its purge time).</summary>
    public static async Task<Result<Tenant>> LoadAsync(this ITenantRepository tenants, TenantId id, DateTime now, CancellationToken ct)
    {
        var tenant = await tenants.FindAsync(id, ct).ConfigureAwait(false);
        return tenant is null || tenant.IsPurgeable(now) ? Error.NotFound(id.ResourceName) : tenant;
    }
}
