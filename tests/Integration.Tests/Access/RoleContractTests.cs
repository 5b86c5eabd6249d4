using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Access.V1;
using Platform.Integration.Tests.Infrastructure;

namespace Platform.Integration.Tests.Access;

public sealed class SqliteRoleTests(SqliteHostFixture fx) : RoleContractTests<SqliteHostFixture>(fx);

public sealed class PostgresRoleTests(PostgresHostFixture fx) : RoleContractTests<PostgresHostFixture>(fx);

/// <summary>Built-in and custom roles over gRPC.</summary>
public abstract class RoleContractTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private static readonly string[] BuiltIns = ["owner", "admin", "member", "viewer", "billing"];

    private static Task<Role> CreateAsync(AccessScenario s, string id, string[] permissions, string? requestId = null) =>
        s.Admin.CreateRoleAsync(new CreateRoleRequest
        {
            Parent = s.Parent,
            RoleId = id,
            Role = new Role { DisplayName = id, Description = $"The {id} role.", Permissions = { permissions } },
            RequestId = requestId ?? "",
        }).ResponseAsync;

    [Fact]
    public async Task Built_in_roles_are_listed_first_and_cannot_be_changed()
    {
        var s = await AccessScenario.CreateAsync(fx);
        await CreateAsync(s, "zeta", ["audit.list"]);
        await CreateAsync(s, "alpha", ["audit.get"]);

        var all = new List<Role>();
        var request = new ListRolesRequest { Parent = s.Parent, PageSize = 2 };
        do
        {
            var page = await s.Admin.ListRolesAsync(request);
            all.AddRange(page.Roles);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal([.. BuiltIns, "alpha", "zeta"], all.Select(r => r.Name.Split('/')[^1]));
        Assert.All(all.Take(5), r => Assert.True(r.BuiltIn));
        Assert.All(all.Skip(5), r => Assert.False(r.BuiltIn));

        var admin = await s.Admin.GetRoleAsync(new GetRoleRequest { Name = $"{s.Parent}/roles/admin" });
        Assert.True(admin.BuiltIn);
        Assert.Contains("apiKeys.create", admin.Permissions);
        Assert.DoesNotContain("tenants.create", admin.Permissions);
        await Errors.AssertFailsAsync(() => s.Admin.GetRoleAsync(new GetRoleRequest { Name = $"{s.Parent}/roles/operator" }).ResponseAsync,
            StatusCode.NotFound, "RESOURCE_NOT_FOUND");

        await Errors.AssertFailsAsync(() => s.Admin.UpdateRoleAsync(new UpdateRoleRequest
        {
            Role = new Role { Name = admin.Name, DisplayName = "Boss" },
        }).ResponseAsync, StatusCode.FailedPrecondition, "INVALID_STATE");
        await Errors.AssertFailsAsync(() => s.Admin.DeleteRoleAsync(new DeleteRoleRequest { Name = admin.Name }).ResponseAsync,
            StatusCode.FailedPrecondition, "INVALID_STATE");
    }

    [Fact]
    public async Task Custom_roles_are_created_updated_and_deleted_with_etags()
    {
        var s = await AccessScenario.CreateAsync(fx);
        var created = await CreateAsync(s, "auditor", ["audit.list", "audit.get"]);

        Assert.Equal($"{s.Parent}/roles/auditor", created.Name);
        Assert.False(created.BuiltIn);
        Assert.Equal(["audit.get", "audit.list"], created.Permissions);
        Assert.Equal(created, await s.Admin.GetRoleAsync(new GetRoleRequest { Name = created.Name }));
        await Errors.AssertFailsAsync(() => CreateAsync(s, "auditor", ["audit.list"]), StatusCode.AlreadyExists, "RESOURCE_ALREADY_EXISTS");

        await Errors.AssertFailsAsync(() => s.Admin.UpdateRoleAsync(new UpdateRoleRequest
        {
            Role = new Role { Name = created.Name, Description = "x", Etag = "42" },
        }).ResponseAsync, StatusCode.FailedPrecondition, "ETAG_MISMATCH");
        var updated = await s.Admin.UpdateRoleAsync(new UpdateRoleRequest
        {
            Role = new Role { Name = created.Name, Description = "Reads the audit log.", Permissions = { "audit.list" }, Etag = created.Etag },
            UpdateMask = new FieldMask { Paths = { "description" } },
        });
        Assert.Equal("Reads the audit log.", updated.Description);
        Assert.Equal(created.Permissions, updated.Permissions);
        Assert.NotEqual(created.Etag, updated.Etag);

        await Errors.AssertFailsAsync(() => s.Admin.DeleteRoleAsync(new DeleteRoleRequest { Name = created.Name, Etag = created.Etag }).ResponseAsync,
            StatusCode.FailedPrecondition, "ETAG_MISMATCH");
        await s.Admin.DeleteRoleAsync(new DeleteRoleRequest { Name = created.Name, Etag = updated.Etag });
        await Errors.AssertFailsAsync(() => s.Admin.GetRoleAsync(new GetRoleRequest { Name = created.Name }).ResponseAsync,
            StatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task Operator_only_unknown_and_built_in_ids_are_refused()
    {
        var s = await AccessScenario.CreateAsync(fx);
        var (_, _, bad) = await Errors.AssertFailsAsync(() => CreateAsync(s, "sneaky", ["tenants.create", "audit.list", "no.such"]),
            StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["role.permissions[0]", "role.permissions[2]"], bad.Fields());

        (_, _, bad) = await Errors.AssertFailsAsync(() => CreateAsync(s, "admin", ["audit.list"]), StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["role_id"], bad.Fields());
        (_, _, bad) = await Errors.AssertFailsAsync(() => CreateAsync(s, "Bad Id", ["audit.list"]), StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["role_id"], bad.Fields());

        var role = await CreateAsync(s, "ok", ["audit.list"]);
        (_, _, bad) = await Errors.AssertFailsAsync(() => s.Admin.UpdateRoleAsync(new UpdateRoleRequest
        {
            Role = new Role { Name = role.Name, Permissions = { "audit.list", "tenants.delete" } },
        }).ResponseAsync, StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["role.permissions[1]"], bad.Fields());
    }

    [Fact]
    public async Task A_role_is_not_deleted_while_granted()
    {
        var s = await AccessScenario.CreateAsync(fx);
        var role = await CreateAsync(s, "reader", ["roles.list"]);
        var key = await s.CreateKeyAsync(["reader"]);

        var (_, info, _) = await Errors.AssertFailsAsync(() => s.Admin.DeleteRoleAsync(new DeleteRoleRequest { Name = role.Name }).ResponseAsync,
            StatusCode.FailedPrecondition, "INVALID_STATE");
        Assert.Equal(role.Name, info.Metadata["resource"]);

        await s.Admin.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = key.ApiKey.Name });
        await s.Admin.DeleteRoleAsync(new DeleteRoleRequest { Name = role.Name });
    }

    [Fact]
    public async Task Role_changes_apply_to_new_grants_at_once()
    {
        var s = await AccessScenario.CreateAsync(fx);
        var role = await CreateAsync(s, "lister", ["audit.list"]);
        var before = await s.CreateKeyAsync(["lister"]);
        await Errors.AssertFailsAsync(() => s.As(before.Secret).ListRolesAsync(new ListRolesRequest { Parent = s.Parent }).ResponseAsync,
            StatusCode.PermissionDenied, "PERMISSION_DENIED");

        await s.Admin.UpdateRoleAsync(new UpdateRoleRequest { Role = new Role { Name = role.Name, Permissions = { "audit.list", "roles.list" } } });
        var after = await s.CreateKeyAsync(["lister"]);
        Assert.NotEmpty((await s.As(after.Secret).ListRolesAsync(new ListRolesRequest { Parent = s.Parent })).Roles);
    }

    [Fact]
    public async Task A_caller_cannot_define_permissions_it_lacks_and_create_is_idempotent()
    {
        var s = await AccessScenario.CreateAsync(fx);
        var (_, secret) = await s.KeyWithPermissionsAsync("roles.create", "roles.update", "roles.get", "roles.list");
        var limited = s.As(secret);
        var (_, info, _) = await Errors.AssertFailsAsync(() => limited.CreateRoleAsync(new CreateRoleRequest
        {
            Parent = s.Parent, RoleId = "wider", Role = new Role { Permissions = { "roles.list", "apiKeys.create" } },
        }).ResponseAsync, StatusCode.PermissionDenied, "PERMISSION_DENIED");
        Assert.Equal("apiKeys.create", info.Metadata["permission"]);

        var requestId = Guid.NewGuid().ToString();
        var first = await CreateAsync(s, "replayed", ["audit.list"], requestId);
        Assert.Equal(first, await CreateAsync(s, "replayed", ["audit.list"], requestId));
        await Errors.AssertFailsAsync(() => CreateAsync(s, "replayed", ["audit.get"], requestId), StatusCode.InvalidArgument, "REQUEST_ID_REUSED");
    }
}
