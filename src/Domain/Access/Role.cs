using Platform.Domain.Common;

namespace Platform.Domain.Access;

/// <summary>A tenant-defined set of permissions (built-in roles live in <see cref="BuiltInRoles"/>).</summary>
public sealed class Role
{
    private Role()
    {
    }

    public string TenantId { get; private set; } = "";
    public string Id { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string Description { get; private set; } = "";
    public IReadOnlyList<string> Permissions { get; private set; } = [];
    public DateTime CreateTime { get; private set; }
    public DateTime UpdateTime { get; private set; }
    public long Version { get; private set; }

    public string ResourceName => $"tenants/{TenantId}/roles/{Id}";

    public string Etag => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Checks an optional client etag (AIP-154): empty means "no precondition".</summary>
    public Error? CheckEtag(string? etag) =>
        string.IsNullOrEmpty(etag) || etag == Etag ? null : Error.EtagMismatch(ResourceName);

    public static Result<Role> Create(string tenantId, string id, string displayName, string description, IReadOnlyList<string> permissions, DateTime now)
    {
        var v = new Validation().Check(!BuiltInRoles.IsBuiltIn(id), "role_id", "is the id of a built-in role");
        Check(v, displayName, description, permissions);
        if (v.ToError() is { } error)
        {
            return error;
        }

        now = Clock.Truncate(now);
        return new Role
        {
            TenantId = tenantId, Id = id, DisplayName = displayName, Description = description,
            Permissions = permissions.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            CreateTime = now, UpdateTime = now, Version = 1,
        };
    }

    public Result<Role> Update(string? displayName, string? description, IReadOnlyList<string>? permissions, DateTime now)
    {
        var v = new Validation();
        Check(v, displayName ?? DisplayName, description ?? Description, permissions ?? Permissions);
        if (v.ToError() is { } error)
        {
            return error;
        }

        DisplayName = displayName ?? DisplayName;
        Description = description ?? Description;
        Permissions = permissions?.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() ?? Permissions;
        UpdateTime = Clock.Truncate(now);
        Version++;
        return this;
    }

    private static void Check(Validation v, string displayName, string description, IReadOnlyList<string> permissions)
    {
        v.Check(displayName.Length <= 200, "role.display_name", "must be at most 200 characters")
         .Check(description.Length <= 1000, "role.description", "must be at most 1000 characters")
         .Check(permissions.Count > 0, "role.permissions", "at least one permission is required");
        for (var i = 0; i < permissions.Count; i++)
        {
            var p = permissions[i];
            if (Access.Permissions.OperatorOnly.Contains(p))
            {
                v.Add($"role.permissions[{i}]", $"'{p}' is reserved to operators");
            }
            else if (!Access.Permissions.TenantGrantable.Contains(p))
            {
                v.Add($"role.permissions[{i}]", $"'{p}' is not a known permission");
            }
        }
    }
}
