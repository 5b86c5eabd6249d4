using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Security;
using Platform.Domain.Access;

namespace Platform.Infrastructure.Security;

/// <summary>
/// Built-in roles resolve in memory; custom roles are read once per tenant and role set and cached
/// briefly, so permission checks cost no database round trip on the hot path.
/// </summary>
internal sealed class RoleResolver(IServiceScopeFactory scopes, IMemoryCache cache, CacheOptions options) : IRoleResolver
{
    public async ValueTask<IReadOnlySet<string>> PermissionsAsync(string? tenantId, IReadOnlyList<string> roleIds, CancellationToken ct)
    {
        var permissions = new HashSet<string>(StringComparer.Ordinal);
        var custom = new List<string>();
        foreach (var id in roleIds)
        {
            if (BuiltInRoles.All.TryGetValue(id, out var builtIn))
            {
                permissions.UnionWith(builtIn.Permissions);
            }
            else if (id != BuiltInRoles.Operator)
            {
                custom.Add(id);
            }
        }

        if (custom.Count > 0 && tenantId is not null)
        {
            foreach (var role in await CustomRolesAsync(tenantId, custom, ct))
            {
                permissions.UnionWith(role.Permissions.Where(Permissions.TenantGrantable.Contains));
            }
        }

        return permissions;
    }

    public async ValueTask<IReadOnlyList<string>> UnknownRolesAsync(string? tenantId, IReadOnlyList<string> roleIds, CancellationToken ct)
    {
        var custom = roleIds.Where(r => !BuiltInRoles.IsBuiltIn(r)).Distinct(StringComparer.Ordinal).ToList();
        if (custom.Count == 0 || tenantId is null)
        {
            return custom;
        }

        var found = (await CustomRolesAsync(tenantId, custom, ct)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        return custom.Where(r => !found.Contains(r)).ToList();
    }

    public void Invalidate(string tenantId) => cache.Remove(("roles-version", tenantId));

    private async ValueTask<IReadOnlyList<Role>> CustomRolesAsync(string tenantId, List<string> ids, CancellationToken ct)
    {
        ids.Sort(StringComparer.Ordinal);
        var key = ("roles", tenantId, Version(tenantId), string.Join(',', ids));
        if (cache.TryGetValue(key, out IReadOnlyList<Role>? roles) && roles is not null)
        {
            return roles;
        }

        await using var scope = scopes.CreateAsyncScope();
        roles = await scope.ServiceProvider.GetRequiredService<IRoleRepository>().FindManyAsync(tenantId, ids, ct);
        cache.Set(key, roles, options.Ttl);
        return roles;
    }

    /// <summary>
    /// Changes whenever the tenant's custom roles may have changed; bumping it makes every cached
    /// role set (and every principal computed from one) of the tenant stale at once.
    /// </summary>
    public object Version(string tenantId) =>
        cache.GetOrCreate(("roles-version", tenantId), e =>
        {
            e.AbsoluteExpirationRelativeToNow = options.Ttl;
            return new object();
        })!;
}
