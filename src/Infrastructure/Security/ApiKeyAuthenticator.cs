using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Security;
using Platform.Domain.Access;
using Platform.Domain.Common;

namespace Platform.Infrastructure.Security;

/// <summary>
/// Verifies API keys with one memory lookup on the hot path. Keys (and unknown prefixes) are
/// cached for <see cref="CacheOptions.Seconds"/>; a revoke on this host drops the entry at once,
/// other hosts stop accepting the key when their entry expires.
/// </summary>
internal sealed class ApiKeyAuthenticator(
    IServiceScopeFactory scopes, IMemoryCache cache, CacheOptions options, RoleResolver roles,
    ApiKeyUsageTracker usage, TimeProvider clock) : IApiKeyAuthenticator
{
    public async ValueTask<Result<Principal>> AuthenticateAsync(string secret, CancellationToken ct)
    {
        if (!ApiKeySecret.IsWellFormed(secret))
        {
            return SecurityErrors.Invalid("The API key is malformed.");
        }

        var prefix = ApiKeySecret.LookupPrefix(secret);
        var entry = await LookupAsync(prefix, ct);
        if (entry?.Key is not { } key || !Verify(entry, secret, key))
        {
            return SecurityErrors.Invalid("The API key is not valid.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (key.IsRevoked)
        {
            return SecurityErrors.Revoked();
        }

        if (key.IsExpired(now))
        {
            return SecurityErrors.Expired();
        }

        usage.Touch(key.Id, now);
        // The principal is reused until the tenant's roles change (a role edit bumps the version).
        var version = key.TenantId is null ? entry : roles.Version(key.TenantId);
        if (entry.Principal is not { } principal || !ReferenceEquals(entry.RolesVersion, version))
        {
            principal = new Principal(
                $"apiKeys/{key.Id}",
                key.IsOperatorKey ? PrincipalKind.Operator : PrincipalKind.TenantApiKey,
                key.TenantId,
                key.IsOperatorKey ? new HashSet<string>() : await roles.PermissionsAsync(key.TenantId, key.Roles, ct));
            (entry.Principal, entry.RolesVersion) = (principal, version);
        }

        return principal;
    }

    public void Invalidate(string keyPrefix) => cache.Remove(("apikey", keyPrefix));

    // Hashing once per cache entry: later calls compare with the secret that already matched the
    // stored hash, in constant time. The secret is held in memory only as long as the entry.
    private static bool Verify(Entry entry, string secret, ApiKey key)
    {
        if (entry.VerifiedSecret is { } verified)
        {
            return secret.Length == verified.Length &&
                System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                    System.Runtime.InteropServices.MemoryMarshal.AsBytes(secret.AsSpan()),
                    System.Runtime.InteropServices.MemoryMarshal.AsBytes(verified.AsSpan()));
        }

        if (!ApiKeySecret.Matches(secret, key.SecretHash))
        {
            return false;
        }

        entry.VerifiedSecret = secret;
        return true;
    }

    private async ValueTask<Entry?> LookupAsync(string prefix, CancellationToken ct)
    {
        if (cache.TryGetValue(("apikey", prefix), out Entry? entry))
        {
            return entry;
        }

        await using var scope = scopes.CreateAsyncScope();
        var key = await scope.ServiceProvider.GetRequiredService<IApiKeyRepository>().FindByPrefixAsync(prefix, ct);
        entry = new Entry(key);
        cache.Set(("apikey", prefix), entry, options.Ttl);
        return entry;
    }

    /// <summary>A cached key and, once computed, the principal it stands for.</summary>
    private sealed record Entry(ApiKey? Key)
    {
        public Principal? Principal { get; set; }

        public object? RolesVersion { get; set; }

        public string? VerifiedSecret { get; set; }
    }
}
