namespace Platform.Infrastructure.Security;

/// <summary>
/// Bound from <c>Platform:Cache</c>. Hot-path caches (tenants, API keys, roles, members) are
/// invalidated on the host that makes a change and expire after <see cref="Seconds"/> on the
/// others, which bounds how long a revocation or suspension takes to reach every host.
/// </summary>
public sealed class CacheOptions
{
    public const string Section = "Platform:Cache";

    public double Seconds { get; set; } = 5;

    public TimeSpan Ttl => TimeSpan.FromSeconds(Seconds);
}
