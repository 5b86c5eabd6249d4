using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Access.V1;
using Platform.Integration.Tests.Infrastructure;

namespace Platform.Integration.Tests.Access;

public sealed class SqliteMemberTests(SqliteHostFixture fx) : MemberContractTests<SqliteHostFixture>(fx);

public sealed class PostgresMemberTests(PostgresHostFixture fx) : MemberContractTests<PostgresHostFixture>(fx);

/// <summary>Members (role bindings for JWT subjects) over gRPC.</summary>
public abstract class MemberContractTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private static Task<Member> CreateAsync(AccessScenario s, string? id, string subject, string[] roles, string issuer = "", string? requestId = null) =>
        s.Admin.CreateMemberAsync(new CreateMemberRequest
        {
            Parent = s.Parent,
            MemberId = id ?? "",
            Member = new Member { Subject = subject, Issuer = issuer, DisplayName = subject, Roles = { roles } },
            RequestId = requestId ?? "",
        }).ResponseAsync;

    [Fact]
    public async Task Members_are_created_read_updated_and_deleted_with_etags()
    {
        var s = await AccessScenario.CreateAsync(fx);
        var created = await CreateAsync(s, "alice", "sub-alice", ["viewer"], "https://idp.example.com");

        Assert.Equal($"{s.Parent}/members/alice", created.Name);
        Assert.Equal("https://idp.example.com", created.Issuer);
        Assert.Equal("1", created.Etag);
        Assert.Equal(created, await s.Admin.GetMemberAsync(new GetMemberRequest { Name = created.Name }));

        await Errors.AssertFailsAsync(() => s.Admin.UpdateMemberAsync(new UpdateMemberRequest
        {
            Member = new Member { Name = created.Name, DisplayName = "Alice", Etag = "7" },
        }).ResponseAsync, StatusCode.FailedPrecondition, "ETAG_MISMATCH");

        var updated = await s.Admin.UpdateMemberAsync(new UpdateMemberRequest
        {
            Member = new Member { Name = created.Name, DisplayName = "Alice", Roles = { "member", "billing" }, Etag = created.Etag },
            UpdateMask = new FieldMask { Paths = { "roles" } },
        });
        Assert.Equal(created.DisplayName, updated.DisplayName);
        Assert.Equal(["member", "billing"], updated.Roles);
        Assert.NotEqual(created.Etag, updated.Etag);
        Assert.True(updated.UpdateTime >= created.UpdateTime);
        Assert.Equal(created.Subject, updated.Subject);

        var renamed = await s.Admin.UpdateMemberAsync(new UpdateMemberRequest { Member = new Member { Name = created.Name, DisplayName = "Alice" } });
        Assert.Equal("Alice", renamed.DisplayName);
        Assert.Equal(updated.Roles, renamed.Roles);

        await Errors.AssertFailsAsync(() => s.Admin.DeleteMemberAsync(new DeleteMemberRequest { Name = created.Name, Etag = created.Etag }).ResponseAsync,
            StatusCode.FailedPrecondition, "ETAG_MISMATCH");
        await s.Admin.DeleteMemberAsync(new DeleteMemberRequest { Name = created.Name, Etag = renamed.Etag });
        await Errors.AssertFailsAsync(() => s.Admin.GetMemberAsync(new GetMemberRequest { Name = created.Name }).ResponseAsync,
            StatusCode.NotFound, "RESOURCE_NOT_FOUND");
        await Errors.AssertFailsAsync(() => s.Admin.DeleteMemberAsync(new DeleteMemberRequest { Name = created.Name }).ResponseAsync,
            StatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task An_id_is_generated_when_none_is_given()
    {
        var s = await AccessScenario.CreateAsync(fx);
        var created = await CreateAsync(s, null, "sub-1", ["viewer"]);

        Assert.Matches($"^{s.Parent}/members/m-[0-9a-f]{{12}}$", created.Name);
    }

    [Fact]
    public async Task Duplicate_ids_and_subjects_are_already_exists()
    {
        var s = await AccessScenario.CreateAsync(fx);
        await CreateAsync(s, "bob", "sub-bob", ["viewer"]);

        var (_, info, _) = await Errors.AssertFailsAsync(() => CreateAsync(s, "bob", "sub-other", ["viewer"]),
            StatusCode.AlreadyExists, "RESOURCE_ALREADY_EXISTS");
        Assert.Equal($"{s.Parent}/members/bob", info.Metadata["resource"]);

        var (_, _, bad) = await Errors.AssertFailsAsync(() => CreateAsync(s, "bob2", "sub-bob", ["viewer"]),
            StatusCode.AlreadyExists, "VALUE_ALREADY_TAKEN");
        Assert.Equal(["member.subject"], bad.Fields());

        // The same subject from another issuer is another identity.
        await CreateAsync(s, "bob3", "sub-bob", ["viewer"], "https://other.example.com");
    }

    [Fact]
    public async Task Invalid_members_name_the_bad_fields()
    {
        var s = await AccessScenario.CreateAsync(fx);
        var (_, _, bad) = await Errors.AssertFailsAsync(() => CreateAsync(s, "Not_An_Id", "s", ["viewer"]), StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["member_id"], bad.Fields());

        (_, _, bad) = await Errors.AssertFailsAsync(() => CreateAsync(s, null, "", []), StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["member.roles", "member.subject"], bad.Fields().Order());

        (_, _, bad) = await Errors.AssertFailsAsync(() => CreateAsync(s, null, "s", ["operator", "viewer", "ghost"]), StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["member.roles[0]", "member.roles[2]"], bad.Fields());

        var created = await CreateAsync(s, "carol", "sub-carol", ["viewer"]);
        (_, _, bad) = await Errors.AssertFailsAsync(() => s.Admin.UpdateMemberAsync(new UpdateMemberRequest
        {
            Member = new Member { Name = created.Name, Subject = "someone-else" },
            UpdateMask = new FieldMask { Paths = { "subject" } },
        }).ResponseAsync, StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["update_mask"], bad.Fields());
    }

    [Fact]
    public async Task A_caller_cannot_bind_or_change_roles_beyond_its_own()
    {
        var s = await AccessScenario.CreateAsync(fx);
        var owner = await CreateAsync(s, "owner", "sub-owner", ["owner"]);
        var (_, secret) = await s.KeyWithPermissionsAsync("members.create", "members.get", "members.update", "roles.get", "roles.list", "tenants.get");
        var limited = s.As(secret);

        await Errors.AssertFailsAsync(() => limited.CreateMemberAsync(new CreateMemberRequest
        {
            Parent = s.Parent,
            Member = new Member { Subject = "sub-x", Roles = { "admin" } },
        }).ResponseAsync, StatusCode.PermissionDenied, "PERMISSION_DENIED");

        var viewer = await limited.CreateMemberAsync(new CreateMemberRequest { Parent = s.Parent, Member = new Member { Subject = "sub-v", Roles = { "viewer" } } });
        Assert.Equal(["viewer"], viewer.Roles);
        await Errors.AssertFailsAsync(() => limited.UpdateMemberAsync(new UpdateMemberRequest
        {
            Member = new Member { Name = viewer.Name, Roles = { "admin" } },
        }).ResponseAsync, StatusCode.PermissionDenied, "PERMISSION_DENIED");

        // Nor demote someone more powerful than itself.
        await Errors.AssertFailsAsync(() => limited.UpdateMemberAsync(new UpdateMemberRequest
        {
            Member = new Member { Name = owner.Name, Roles = { "viewer" } },
        }).ResponseAsync, StatusCode.PermissionDenied, "PERMISSION_DENIED");
    }

    [Fact]
    public async Task List_pages_oldest_first_and_create_is_idempotent()
    {
        var s = await AccessScenario.CreateAsync(fx);
        var requestId = Guid.NewGuid().ToString();
        var first = await CreateAsync(s, null, "sub-0", ["viewer"], requestId: requestId);
        Assert.Equal(first, await CreateAsync(s, null, "sub-0", ["viewer"], requestId: requestId));
        await Errors.AssertFailsAsync(() => CreateAsync(s, null, "sub-9", ["viewer"], requestId: requestId), StatusCode.InvalidArgument, "REQUEST_ID_REUSED");

        var names = new List<string> { first.Name };
        for (var i = 1; i < 5; i++)
        {
            names.Add((await CreateAsync(s, null, $"sub-{i}", ["viewer"])).Name);
        }

        var listed = new List<string>();
        var request = new ListMembersRequest { Parent = s.Parent, PageSize = 2 };
        do
        {
            var page = await s.Admin.ListMembersAsync(request);
            listed.AddRange(page.Members.Select(m => m.Name));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(names, listed);
        await Errors.AssertFailsAsync(() => s.Operator.ListMembersAsync(new ListMembersRequest { Parent = "tenants/nosuchtenant" }).ResponseAsync,
            StatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }
}
