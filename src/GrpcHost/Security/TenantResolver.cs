using System.Net;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Security;
using Platform.Domain.Common;
using Platform.Domain.Tenancy;

namespace Platform.GrpcHost.Security;

/// <summary>Where a call's resource lives: one tenant, every tenant (<c>tenants/-</c>), the platform, or nowhere.</summary>
public enum ResourceScope
{
    None,
    Tenant,
    AllTenants,
    Platform,
}

/// <summary>
/// Resolves the tenant a call acts in from every source that names one — the credential, the
/// resource name, the subdomain of the host, a verified custom domain — and refuses the call when
/// they disagree. All lookups go through the cached tenant directory: O(1) per call.
/// </summary>
public sealed class TenantResolver(ITenantDirectory directory, IConfiguration configuration)
{
    private readonly string? _baseDomain = configuration["Platform:BaseDomain"]?.Trim().TrimStart('.').ToLowerInvariant() is { Length: > 0 } d ? d : null;

    // Platform:Tenancy:ResolutionSources (default all): "credential", "resource", "subdomain", "customDomain".
    // A source left out is ignored, e.g. behind a proxy that rewrites Host. Order decides which
    // source is named first in a mismatch.
    private readonly string[] _sources = configuration.GetSection("Platform:Tenancy:ResolutionSources").Get<string[]>() is { Length: > 0 } s
        ? s
        : ["credential", "resource", "subdomain", "customDomain"];

    public static (ResourceScope Scope, string? Tenant) ScopeOf(string? resourceName)
    {
        if (string.IsNullOrEmpty(resourceName))
        {
            return (ResourceScope.None, null);
        }

        if (resourceName == "platform" || resourceName.StartsWith("platform/", StringComparison.Ordinal))
        {
            return (ResourceScope.Platform, null);
        }

        if (!resourceName.StartsWith("tenants/", StringComparison.Ordinal))
        {
            return (ResourceScope.None, null);
        }

        var end = resourceName.IndexOf('/', 8);
        var tenant = end < 0 ? resourceName[8..] : resourceName[8..end];
        return tenant == "-" ? (ResourceScope.AllTenants, null) : (ResourceScope.Tenant, tenant);
    }

    /// <summary>The tenant the call acts in (null: platform-level), or why it may not proceed.</summary>
    public async ValueTask<Result<string?>> ResolveAsync(Principal principal, string? resourceName, HttpContext http, CancellationToken ct)
    {
        var (scope, resourceTenant) = ScopeOf(resourceName);
        if (!principal.IsOperator && scope is ResourceScope.Platform or ResourceScope.AllTenants)
        {
            return SecurityErrors.TenantMismatch($"{resourceName} is not within tenants/{principal.TenantId}");
        }

        // Every enabled source that names a tenant must name the same one.
        string? tenant = null;
        foreach (var source in _sources)
        {
            string? named;
            switch (source)
            {
                case "credential":
                    named = principal.TenantId;
                    break;
                case "resource":
                    named = resourceTenant;
                    break;
                case "subdomain" or "customDomain":
                    var byHost = await HostTenantAsync(http.Request.Host.Host, source == "subdomain", ct);
                    if (!byHost.TryGetValue(out named, out var hostError))
                    {
                        return hostError;
                    }

                    break;
                default:
                    continue;
            }

            if (!Agree(ref tenant, named, source, out var mismatch))
            {
                return mismatch!;
            }
        }

        // Operators manage tenants in any state; a tenant's own principals only act while it is active.
        if (tenant is not null && !principal.IsOperator)
        {
            // An id that is not well-formed simply is not in the directory.
            var found = await directory.FindAsync(TenantId.FromTrusted(tenant), ct);
            if (found is null || found.State == TenantState.Deleted)
            {
                return Error.NotFound($"tenants/{tenant}");
            }

            if (found.State == TenantState.Suspended)
            {
                return SecurityErrors.TenantSuspended(tenant);
            }
        }

        return tenant;
    }

    private static bool Agree(ref string? tenant, string? source, string sourceName, out Error? mismatch)
    {
        mismatch = null;
        if (source is null)
        {
            return true;
        }

        if (tenant is not null && tenant != source)
        {
            mismatch = SecurityErrors.TenantMismatch($"the {sourceName} names tenants/{source}, not tenants/{tenant}");
            return false;
        }

        tenant = source;
        return true;
    }

    private async ValueTask<Result<string?>> HostTenantAsync(string host, bool subdomain, CancellationToken ct)
    {
        // Loopback and IP hosts (the common case behind a proxy) name no tenant; checked cheaply first.
        if (host.Length == 0 || host == "localhost" || host == "127.0.0.1" || (char.IsAsciiDigit(host[^1]) && IPAddress.TryParse(host, out _)))
        {
            return Result<string?>.Success(null);
        }

        host = host.ToLowerInvariant();
        if (host == _baseDomain || IPAddress.TryParse(host, out _))
        {
            return Result<string?>.Success(null);
        }

        var underBase = _baseDomain is not null && host.EndsWith("." + _baseDomain, StringComparison.Ordinal);
        if (subdomain)
        {
            if (!underBase)
            {
                return Result<string?>.Success(null);
            }

            return await directory.FindBySubdomainAsync(host[..^(_baseDomain!.Length + 1)], ct) is { } id
                ? id
                : Error.NotFound($"host {host}");
        }

        // Any other host is either a tenant's verified custom domain or the platform's own name.
        return underBase ? Result<string?>.Success(null) : await directory.FindByVerifiedDomainAsync(host, ct);
    }
}
