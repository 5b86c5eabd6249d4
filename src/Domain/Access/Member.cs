using Platform.Domain.Common;

namespace Platform.Domain.Access;

/// <summary>Binds a JWT subject (of one issuer, or any configured issuer) to roles in a tenant.</summary>
public sealed class Member
{
    private Member()
    {
    }

    public string TenantId { get; private set; } = "";
    public string Id { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string Issuer { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public IReadOnlyList<string> Roles { get; private set; } = [];
    public DateTime CreateTime { get; private set; }
    public DateTime UpdateTime { get; private set; }
    public long Version { get; private set; }

    public string ResourceName => $"tenants/{TenantId}/members/{Id}";

    public string Etag => Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Checks an optional client etag (AIP-154): empty means "no precondition".</summary>
    public Error? CheckEtag(string? etag) =>
        string.IsNullOrEmpty(etag) || etag == Etag ? null : Error.EtagMismatch(ResourceName);

    public static Result<Member> Create(string tenantId, string id, string subject, string issuer, string displayName, IReadOnlyList<string> roles, DateTime now)
    {
        var v = new Validation()
            .Check(subject.Length is > 0 and <= 255, "member.subject", "is required, at most 255 characters")
            .Check(issuer.Length <= 500, "member.issuer", "must be at most 500 characters")
            .Check(displayName.Length <= 200, "member.display_name", "must be at most 200 characters")
            .Check(roles.Count > 0, "member.roles", "at least one role is required");
        if (v.ToError() is { } error)
        {
            return error;
        }

        now = Clock.Truncate(now);
        return new Member
        {
            TenantId = tenantId, Id = id, Subject = subject, Issuer = issuer, DisplayName = displayName,
            Roles = roles.Distinct(StringComparer.Ordinal).ToList(), CreateTime = now, UpdateTime = now, Version = 1,
        };
    }

    public Result<Member> Update(string? displayName, IReadOnlyList<string>? roles, DateTime now)
    {
        var v = new Validation()
            .Check(displayName is null || displayName.Length <= 200, "member.display_name", "must be at most 200 characters")
            .Check(roles is null || roles.Count > 0, "member.roles", "at least one role is required");
        if (v.ToError() is { } error)
        {
            return error;
        }

        DisplayName = displayName ?? DisplayName;
        Roles = roles?.Distinct(StringComparer.Ordinal).ToList() ?? Roles;
        UpdateTime = Clock.Truncate(now);
        Version++;
        return this;
    }
}
