using Platform.Application.Access;
using Platform.Application.Abstractions.Security;
using Platform.Domain.Access;
using Platform.Domain.Common;

namespace Platform.Application.Tests;

public sealed class AccessCommandTests
{
    [Fact]
    public void Create_commands_validate_parent_ids_and_request_id()
    {
        Assert.Equal(["parent", "request_id"], Fields(new CreateApiKeyCommand("tenants/", "", ["admin"], null, new string('r', 65)).Validate()));
        Assert.Equal(["parent", "member_id"], Fields(new CreateMemberCommand("platform", "Bad", "s", "", "", ["viewer"], null).Validate()));
        Assert.Equal(["role_id"], Fields(new CreateRoleCommand("tenants/acme", "", "", "", ["roles.get"], null).Validate()));
        Assert.Null(new CreateMemberCommand("tenants/acme", null, "s", "", "", ["viewer"], null).Validate());
    }

    [Fact]
    public void Generated_member_ids_are_valid_and_distinct()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => CreateMemberCommand.NewId()).ToList();
        Assert.All(ids, id => Assert.Matches("^m-[0-9a-f]{12}$", id));
        Assert.True(ids.All(ResourceIds.IsValid));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void Fingerprints_see_every_field()
    {
        var a = new CreateApiKeyCommand("tenants/acme", "ci", ["admin"], null, "r");
        Assert.Equal(a.Fingerprint(), (a with { }).Fingerprint());
        Assert.NotEqual(a.Fingerprint(), (a with { Roles = ["viewer"] }).Fingerprint());
        Assert.NotEqual(a.Fingerprint(), (a with { ExpireTime = DateTime.UnixEpoch }).Fingerprint());
    }

    [Fact]
    public void Update_masks_select_fields_and_reject_immutable_ones()
    {
        var member = new UpdateMemberCommand("tenants/acme/members/alice", null, "Alice", null, ["subject"]);
        Assert.Equal(["update_mask"], Fields(member.Validate()));
        Assert.Equal(("Alice", (IReadOnlyList<string>?)null), (member with { UpdateMask = [] }).Changes());
        Assert.Equal(("", (IReadOnlyList<string>?)[]), (member with { DisplayName = null, UpdateMask = ["*"] }).Changes());

        var role = new UpdateRoleCommand("tenants/acme/roles/r1", null, null, "d", null, ["description"]);
        Assert.Null(role.Validate());
        Assert.Equal((null, "d", null), role.Changes());
    }

    [Fact]
    public async Task Grants_are_bounded_by_the_callers_permissions()
    {
        var resolver = new FakeResolver();
        var viewer = Context(new Principal("apiKeys/v", PrincipalKind.TenantApiKey, "acme", new HashSet<string> { "roles.get", "roles.list", "tenants.get" }));

        Assert.Null(await AccessRules.CheckGrantAsync(viewer, resolver, "acme", ["viewer"], "api_key.roles", default));
        var denied = await AccessRules.CheckGrantAsync(viewer, resolver, "acme", ["viewer", "admin"], "api_key.roles", default);
        Assert.Equal(ErrorReasons.PermissionDenied, denied!.Reason);
        Assert.Equal("apiKeys.create", denied.Metadata["permission"]);
    }

    [Fact]
    public async Task Operator_role_unknown_roles_and_anonymous_callers_are_refused()
    {
        var resolver = new FakeResolver();
        var op = Context(new Principal("apiKeys/op", PrincipalKind.Operator, null, new HashSet<string>()));

        Assert.Null(await AccessRules.CheckGrantAsync(op, resolver, null, ["operator"], "api_key.roles", default));
        Assert.Equal(["api_key.roles[0]"], Fields(await AccessRules.CheckGrantAsync(op, resolver, null, ["admin"], "api_key.roles", default)));
        Assert.Equal(["member.roles[0]", "member.roles[2]"],
            Fields(await AccessRules.CheckGrantAsync(op, resolver, "acme", ["operator", "viewer", "ghost"], "member.roles", default)));

        var anonymous = await AccessRules.CheckGrantAsync(Context(null), resolver, "acme", ["viewer"], "member.roles", default);
        Assert.Equal(ErrorKind.Unauthenticated, anonymous!.Kind);

        var tenant = Context(new Principal("apiKeys/a", PrincipalKind.TenantApiKey, "acme", Permissions.TenantGrantable));
        Assert.Equal(ErrorReasons.TenantMismatch, (await AccessRules.CheckGrantAsync(tenant, resolver, null, ["operator"], "api_key.roles", default))!.Reason);
        Assert.Equal(ErrorReasons.TenantMismatch, (await AccessRules.CheckGrantAsync(tenant, resolver, "other", ["viewer"], "api_key.roles", default))!.Reason);
    }

    private static List<string> Fields(Error? error) => error?.Violations.Select(v => v.Field).ToList() ?? [];

    private static RequestContext Context(Principal? principal) => new() { Principal = principal, TenantId = principal?.TenantId };

    /// <summary>Built-in roles only, as the real resolver resolves them.</summary>
    private sealed class FakeResolver : IRoleResolver
    {
        public ValueTask<IReadOnlySet<string>> PermissionsAsync(string? tenantId, IReadOnlyList<string> roleIds, CancellationToken ct) =>
            ValueTask.FromResult<IReadOnlySet<string>>(roleIds.Where(BuiltInRoles.All.ContainsKey)
                .SelectMany(r => BuiltInRoles.All[r].Permissions).ToHashSet(StringComparer.Ordinal));

        public ValueTask<IReadOnlyList<string>> UnknownRolesAsync(string? tenantId, IReadOnlyList<string> roleIds, CancellationToken ct) =>
            ValueTask.FromResult<IReadOnlyList<string>>(roleIds.Where(r => !BuiltInRoles.IsBuiltIn(r)).ToList());

        public void Invalidate(string tenantId)
        {
        }
    }
}
