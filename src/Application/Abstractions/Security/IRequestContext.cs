namespace Platform.Application.Abstractions.Security;

/// <summary>
/// The caller and the tenant the current call acts in, resolved once per call by the host before
/// any handler runs. Infrastructure scopes every tenant-owned query to <see cref="TenantId"/>.
/// </summary>
public interface IRequestContext
{
    Principal? Principal { get; }

    /// <summary>The tenant this call acts in; null for platform-level calls (operators only).</summary>
    string? TenantId { get; }
}

/// <summary>The writable side, for the host's interceptor and for background jobs that act for a tenant.</summary>
public sealed class RequestContext : IRequestContext
{
    public Principal? Principal { get; set; }

    public string? TenantId { get; set; }
}
