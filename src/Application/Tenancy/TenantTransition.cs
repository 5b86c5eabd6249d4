using Platform.Application.Abstractions;
using Platform.Domain.Common;
using Platform.Domain.Tenancy;

namespace Platform.Application.Tenancy;

/// <summary>The shared shape of the lifecycle verbs: load, check etag, transition, commit.</summary>
internal sealed class TenantTransition(ITenantRepository tenants, IUnitOfWork unitOfWork, TimeProvider clock)
{
    public async ValueTask<Result<Tenant>> ApplyAsync(string name, string? etag, Func<Tenant, DateTime, Result<Tenant>> transition, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (!(await tenants.LoadAsync(TenantId.FromResourceName(name).Value, now, ct)).TryGetValue(out var tenant, out var notFound))
        {
            return notFound;
        }

        if (tenant.CheckEtag(etag) is { } stale)
        {
            return stale;
        }

        var version = tenant.Version;
        if (!transition(tenant, now).TryGetValue(out _, out var refused))
        {
            return refused;
        }

        if (tenant.Version == version)
        {
            return tenant; // Already in the target state: nothing to write.
        }

        return TenantSaveErrors.From(await unitOfWork.SaveChangesAsync(ct), tenant) is { } error ? error : tenant;
    }
}
