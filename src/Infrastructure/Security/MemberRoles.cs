using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Abstractions;

namespace Platform.Infrastructure.Security;

/// <summary>Stored role bindings of token subjects, cached like every hot-path lookup.</summary>
public sealed class MemberRoles(IServiceScopeFactory scopes, IMemoryCache cache, CacheOptions options)
{
    public async ValueTask<IReadOnlyList<string>> RolesAsync(string tenant, string issuer, string subject, CancellationToken ct)
    {
        var key = ("member", tenant, issuer, subject);
        if (cache.TryGetValue(key, out IReadOnlyList<string>? roles) && roles is not null)
        {
            return roles;
        }

        await using var scope = scopes.CreateAsyncScope();
        var member = await scope.ServiceProvider.GetRequiredService<IMemberRepository>().FindBySubjectAsync(tenant, issuer, subject, ct);
        roles = member?.Roles ?? [];
        cache.Set(key, roles, options.Ttl);
        return roles;
    }
}
