namespace Platform.Application.Abstractions.Security;

/// <summary>Turns role ids into permissions for a tenant (built-in and custom roles), cached.</summary>
public interface IRoleResolver
{
    /// <summary>Unknown role ids contribute nothing.</summary>
    ValueTask<IReadOnlySet<string>> PermissionsAsync(string? tenantId, IReadOnlyList<string> roleIds, CancellationToken ct);

    /// <summary>Role ids among <paramref name="roleIds"/> that do not exist for the tenant.</summary>
    ValueTask<IReadOnlyList<string>> UnknownRolesAsync(string? tenantId, IReadOnlyList<string> roleIds, CancellationToken ct);

    /// <summary>Forgets the tenant's cached custom roles on this host (after a role is created, changed or deleted).</summary>
    void Invalidate(string tenantId);
}
