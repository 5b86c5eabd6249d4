using Platform.Domain.Common;


namespace Platform.Domain.Access;

/// <summary>A stored API key: its hash, never its secret. Tenant keys have a tenant; operator keys do not.</summary>
public sealed class ApiKey
{
    private ApiKey()
    {
    }

    public string Id { get; private set; } = "";
    public string? TenantId { get; private set; }
    public string DisplayName { get; private set; } = "";
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public DateTime? ExpireTime { get; private set; }
    public string KeyPrefix { get; private set; } = "";
    public string SecretHash { get; private set; } = "";
    public DateTime CreateTime { get; private set; }
    public DateTime? LastUsedTime { get; private set; }
    public DateTime? RevokeTime { get; private set; }

    public bool IsOperatorKey => TenantId is null;

    public string ResourceName => TenantId is null ? $"platform/apiKeys/{Id}" : $"tenants/{TenantId}/apiKeys/{Id}";

    public bool IsRevoked => RevokeTime is not null;

    public bool IsExpired(DateTime now) => ExpireTime <= now;

    /// <summary>Creates a key for <paramref name="tenant"/> (null: an operator key) from a fresh secret.</summary>
    public static Result<ApiKey> Create(Tenancy.TenantId? tenant, string displayName, IReadOnlyList<string> roles, DateTime? expireTime, string secret, DateTime now)
    {
        var v = new Validation()
            .Check(displayName.Length <= 200, "api_key.display_name", "must be at most 200 characters")
            .Check(roles.Count > 0, "api_key.roles", "at least one role is required")
            .Check(expireTime is null || expireTime > now, "api_key.expire_time", "must be in the future")
            .Check(ApiKeySecret.IsWellFormed(secret), "secret", "is not a well-formed key");
        if (v.ToError() is { } error)
        {
            return error;
        }

        return new ApiKey
        {
            Id = Guid.CreateVersion7(now).ToString("N")[..20],
            TenantId = tenant?.Value,
            DisplayName = displayName,
            Roles = roles.Distinct(StringComparer.Ordinal).ToList(),
            ExpireTime = expireTime,
            KeyPrefix = ApiKeySecret.LookupPrefix(secret),
            SecretHash = ApiKeySecret.Hash(secret),
            CreateTime = Clock.Truncate(now),
        };
    }

    public void Revoke(DateTime now) => RevokeTime ??= Clock.Truncate(now);
}
