using System.Text.RegularExpressions;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Access.V1;
using Platform.Integration.Tests.Infrastructure;
using Platform.Tenancy.V1;

namespace Platform.Integration.Tests.Access;

public sealed class SqliteApiKeyTests(SqliteHostFixture fx) : ApiKeyContractTests<SqliteHostFixture>(fx);

public sealed class PostgresApiKeyTests(PostgresHostFixture fx) : ApiKeyContractTests<PostgresHostFixture>(fx);

/// <summary>API keys over gRPC: secrets, revocation, expiry, escalation, paging, idempotency.</summary>
public abstract partial class ApiKeyContractTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    [Fact]
    public async Task The_secret_is_returned_once_and_never_read_back()
    {
        var s = await AccessScenario.CreateAsync(fx);
        var created = await s.CreateKeyAsync(["viewer"], displayName: "ci");

        Assert.Matches(SecretShape(), created.Secret);
        var key = created.ApiKey;
        Assert.Matches($"^{s.Parent}/apiKeys/[a-z0-9]+$", key.Name);
        Assert.Equal(created.Secret[..15], key.KeyPrefix);
        Assert.Equal(ApiKey.Types.State.Active, key.State);
        Assert.Equal(["viewer"], key.Roles);
        Assert.Null(key.RevokeTime);

        var fetched = await s.Admin.GetApiKeyAsync(new GetApiKeyRequest { Name = key.Name });
        var listed = await s.Admin.ListApiKeysAsync(new ListApiKeysRequest { Parent = s.Parent });
        Assert.Equal(key, fetched);
        Assert.Contains(key, listed.ApiKeys);
        Assert.DoesNotContain(created.Secret, fetched.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(created.Secret, listed.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(created.Secret[15..], string.Join('\n', fx.Logs.Lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tenant_key_acts_in_its_tenant_only()
    {
        var s = await AccessScenario.CreateAsync(fx);
        var other = await AccessScenario.CreateAsync(fx);

        var tenant = await new TenantService.TenantServiceClient(fx.As(s.AdminSecret)).GetTenantAsync(new GetTenantRequest { Name = s.Parent });
        Assert.Equal(s.Parent, tenant.Name);
        await Errors.AssertFailsAsync(() => s.Admin.ListApiKeysAsync(new ListApiKeysRequest { Parent = other.Parent }).ResponseAsync,
            StatusCode.PermissionDenied, "TENANT_MISMATCH");
        await Errors.AssertFailsAsync(() => s.Admin.ListApiKeysAsync(new ListApiKeysRequest { Parent = "platform" }).ResponseAsync,
            StatusCode.PermissionDenied, "TENANT_MISMATCH");
    }

    [Fact]
    public async Task Revoke_stops_the_key_and_is_idempotent()
    {
        var s = await AccessScenario.CreateAsync(fx);
        var created = await s.CreateKeyAsync(["admin"]);
        await s.As(created.Secret).ListApiKeysAsync(new ListApiKeysRequest { Parent = s.Parent }); // Cached as valid on this host.

        var revoked = await s.Admin.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = created.ApiKey.Name });
        Assert.Equal(ApiKey.Types.State.Revoked, revoked.State);
        Assert.NotNull(revoked.RevokeTime);
        Assert.Equal(revoked, await s.Admin.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = created.ApiKey.Name }));
        Assert.Contains(revoked, (await s.Admin.ListApiKeysAsync(new ListApiKeysRequest { Parent = s.Parent })).ApiKeys);

        await Errors.AssertFailsAsync(() => s.As(created.Secret).ListApiKeysAsync(new ListApiKeysRequest { Parent = s.Parent }).ResponseAsync,
            StatusCode.Unauthenticated, "CREDENTIALS_REVOKED");
        await Errors.AssertFailsAsync(() => s.Admin.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = $"{s.Parent}/apiKeys/unknown" }).ResponseAsync,
            StatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task Expire_time_must_be_future_and_then_ends_the_key()
    {
        var s = await AccessScenario.CreateAsync(fx);
        var (_, _, bad) = await Errors.AssertFailsAsync(() => s.Admin.CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Parent = s.Parent,
            ApiKey = new ApiKey { Roles = { "viewer" }, ExpireTime = Timestamp.FromDateTime(DateTime.UtcNow.AddMinutes(-1)) },
        }).ResponseAsync, StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["api_key.expire_time"], bad.Fields());

        var expireTime = DateTime.UtcNow.AddSeconds(2);
        var created = await s.Admin.CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Parent = s.Parent,
            ApiKey = new ApiKey { Roles = { "viewer" }, ExpireTime = Timestamp.FromDateTime(expireTime) },
        });
        Assert.Equal(ApiKey.Types.State.Active, created.ApiKey.State);
        Assert.Equal(expireTime, created.ApiKey.ExpireTime.ToDateTime(), TimeSpan.FromMilliseconds(1));
        Assert.Equal(created.ApiKey, await s.Admin.GetApiKeyAsync(new GetApiKeyRequest { Name = created.ApiKey.Name }));

        await Task.Delay(expireTime - DateTime.UtcNow + TimeSpan.FromMilliseconds(200));
        var expired = await s.Admin.GetApiKeyAsync(new GetApiKeyRequest { Name = created.ApiKey.Name });
        Assert.Equal(ApiKey.Types.State.Expired, expired.State);
        await Errors.AssertFailsAsync(() => s.As(created.Secret).GetRoleAsync(new GetRoleRequest { Name = $"{s.Parent}/roles/viewer" }).ResponseAsync,
            StatusCode.Unauthenticated, "CREDENTIALS_EXPIRED");
    }

    [Fact]
    public async Task A_caller_cannot_grant_permissions_it_lacks()
    {
        var s = await AccessScenario.CreateAsync(fx);
        var viewer = await s.CreateKeyAsync(["viewer"]);
        await Errors.AssertFailsAsync(() => s.CreateKeyAsync(["admin"], s.As(viewer.Secret)), StatusCode.PermissionDenied, "PERMISSION_DENIED");

        // Holds apiKeys.create, so only the handler's escalation check stands in the way.
        var (role, secret) = await s.KeyWithPermissionsAsync("apiKeys.create", "apiKeys.get", "apiKeys.list", "roles.get", "roles.list", "tenants.get");
        var (_, info, _) = await Errors.AssertFailsAsync(() => s.CreateKeyAsync(["admin"], s.As(secret)), StatusCode.PermissionDenied, "PERMISSION_DENIED");
        Assert.Equal("apiKeys.revoke", info.Metadata["permission"]);

        var same = await s.CreateKeyAsync([role.Name.Split('/')[^1], "viewer"], s.As(secret));
        Assert.Equal(ApiKey.Types.State.Active, same.ApiKey.State);
        await Errors.AssertFailsAsync(() => s.As(secret).CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Parent = "platform",
            ApiKey = new ApiKey { Roles = { "operator" } },
        }).ResponseAsync, StatusCode.PermissionDenied, "TENANT_MISMATCH");
    }

    [Fact]
    public async Task Roles_must_exist_and_operator_is_for_operator_keys_only()
    {
        var s = await AccessScenario.CreateAsync(fx);
        var (_, _, bad) = await Errors.AssertFailsAsync(() => s.CreateKeyAsync(["operator", "viewer", "ghost"], s.Operator),
            StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["api_key.roles[0]", "api_key.roles[2]"], bad.Fields());

        (_, _, bad) = await Errors.AssertFailsAsync(() => s.Operator.CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Parent = "platform",
            ApiKey = new ApiKey { Roles = { "operator", "admin" } },
        }).ResponseAsync, StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["api_key.roles[1]"], bad.Fields());

        (_, _, bad) = await Errors.AssertFailsAsync(() => s.CreateKeyAsync([]), StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["api_key.roles"], bad.Fields());
    }

    [Fact]
    public async Task Operator_keys_live_under_platform_and_act_as_operators()
    {
        var access = new AccessService.AccessServiceClient(fx.Operator);
        var created = await access.CreateApiKeyAsync(new CreateApiKeyRequest { Parent = "platform", ApiKey = new ApiKey { Roles = { "operator" } } });

        Assert.StartsWith("platform/apiKeys/", created.ApiKey.Name, StringComparison.Ordinal);
        var asNewOperator = new AccessService.AccessServiceClient(fx.As(created.Secret));
        Assert.Equal(created.ApiKey, await asNewOperator.GetApiKeyAsync(new GetApiKeyRequest { Name = created.ApiKey.Name }));
        await access.RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = created.ApiKey.Name });
    }

    [Fact]
    public async Task List_pages_newest_first_through_every_key_once()
    {
        var s = await AccessScenario.CreateAsync(fx);
        for (var i = 0; i < 5; i++)
        {
            await s.CreateKeyAsync(["viewer"], displayName: $"k{i}");
        }

        var all = new List<ApiKey>();
        var request = new ListApiKeysRequest { Parent = s.Parent, PageSize = 2 };
        do
        {
            var page = await s.Admin.ListApiKeysAsync(request);
            Assert.InRange(page.ApiKeys.Count, 1, 2);
            all.AddRange(page.ApiKeys);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        Assert.Equal(6, all.Select(k => k.Name).Distinct().Count()); // Five plus the admin key.
        Assert.Equal(["k4", "k3", "k2", "k1", "k0", "admin"], all.Select(k => k.DisplayName));

        var first = await s.Admin.ListApiKeysAsync(new ListApiKeysRequest { Parent = s.Parent, PageSize = 1 });
        var other = await AccessScenario.CreateAsync(fx);
        var (_, _, bad) = await Errors.AssertFailsAsync(() => other.Admin.ListApiKeysAsync(new ListApiKeysRequest
        {
            Parent = other.Parent, PageToken = first.NextPageToken,
        }).ResponseAsync, StatusCode.InvalidArgument, "INVALID_PAGE_TOKEN");
        Assert.Equal(["page_token"], bad.Fields());
    }

    [Fact]
    public async Task A_retry_with_the_request_id_returns_the_key_without_its_secret()
    {
        var s = await AccessScenario.CreateAsync(fx);
        var request = new CreateApiKeyRequest { Parent = s.Parent, ApiKey = new ApiKey { Roles = { "viewer" } }, RequestId = Guid.NewGuid().ToString() };

        var first = await s.Admin.CreateApiKeyAsync(request);
        var retry = await s.Admin.CreateApiKeyAsync(request);
        Assert.Equal(first.ApiKey, retry.ApiKey);
        Assert.NotEmpty(first.Secret);
        Assert.Empty(retry.Secret);

        request.ApiKey.DisplayName = "different";
        var (_, _, bad) = await Errors.AssertFailsAsync(() => s.Admin.CreateApiKeyAsync(request).ResponseAsync,
            StatusCode.InvalidArgument, "REQUEST_ID_REUSED");
        Assert.Equal(["request_id"], bad.Fields());
    }

    [GeneratedRegex("^tk_[A-Za-z0-9_-]{64}$")]
    private static partial Regex SecretShape();
}
