extern alias host;

using System.Net;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Mvc.Testing;
using Platform.Access.V1;
using Platform.Integration.Tests.Infrastructure;
using Platform.Tenancy.V1;

namespace Platform.Integration.Tests.Security;

public sealed class SqliteJwtTests(JwtHost<SqliteHostFixture> jwt) : JwtTests<SqliteHostFixture>(jwt);

public sealed class PostgresJwtTests(JwtHost<PostgresHostFixture> jwt) : JwtTests<PostgresHostFixture>(jwt);

/// <summary>
/// One host per test class that trusts a real issuer on loopback (<see cref="JwksServer"/>): keys are
/// fetched over HTTP through discovery, member roles are cached for only 0.2 s.
/// </summary>
public sealed class JwtHost<TFixture> : IAsyncLifetime
    where TFixture : HostFixture, new()
{
    public const string Audience = "platform-api";

    private readonly TFixture _fx = new();

    public JwksServer Idp { get; private set; } = null!;

    public WebApplicationFactory<host::Program> Factory { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public CallInvoker Operator => HostFixture.WithCredential(Channel, _fx.OperatorKey);

    public TenantService.TenantServiceClient TenantsAs(string token) => new(HostFixture.WithCredential(Channel, token));

    public async ValueTask InitializeAsync()
    {
        Idp = await JwksServer.StartAsync();
        Factory = await _fx.CreateIsolatedHostAsync(new()
        {
            ["Platform:Auth:Jwt:Issuers:0:Issuer"] = Idp.Issuer,
            ["Platform:Auth:Jwt:Issuers:0:Audience"] = Audience,
            ["Platform:Auth:Jwt:Issuers:0:RequireHttpsMetadata"] = "false",
            ["Platform:Cache:Seconds"] = "0.2",
        });
        Channel = HostFixture.ChannelFor(Factory);
        await HostFixture.WaitUntilServingAsync(Channel);
    }

    public async Task<Tenant> CreateTenantAsync() =>
        await new TenantService.TenantServiceClient(Operator).CreateTenantAsync(new CreateTenantRequest
        {
            TenantId = TenantSetup.NewId(), Tenant = new Tenant { DisplayName = "JWT tenant" },
        });

    public async ValueTask DisposeAsync()
    {
        Channel?.Dispose();
        if (Factory is not null)
        {
            await Factory.DisposeAsync();
        }

        if (Idp is not null)
        {
            await Idp.DisposeAsync();
        }

        await _fx.DisposeAsync();
    }
}

/// <summary>JWTs from a trusted OIDC issuer: tenant and roles from claims and member bindings, and every way a token is refused.</summary>
public abstract class JwtTests<TFixture>(JwtHost<TFixture> jwt) : IClassFixture<JwtHost<TFixture>>
    where TFixture : HostFixture, new()
{
    private static string NewSubject() => TenantSetup.NewId("user-");

    private static GetTenantRequest Get(Tenant tenant) => new() { Name = tenant.Name };

    [Fact]
    public async Task A_token_with_a_tenant_and_roles_acts_in_that_tenant_only()
    {
        var tenant = await jwt.CreateTenantAsync();
        var other = await jwt.CreateTenantAsync();
        var client = jwt.TenantsAs(jwt.Idp.Sign(NewSubject(), tenant.TenantId, ["viewer"]));

        Assert.Equal(tenant.Name, (await client.GetTenantAsync(Get(tenant))).Name);
        await Errors.AssertFailsAsync(() => client.GetTenantAsync(Get(other)).ResponseAsync, StatusCode.PermissionDenied, "TENANT_MISMATCH");
    }

    [Fact]
    public async Task A_token_without_roles_gets_them_from_its_member_binding()
    {
        var tenant = await jwt.CreateTenantAsync();
        var subject = NewSubject();
        var client = jwt.TenantsAs(jwt.Idp.Sign(subject, tenant.TenantId, roles: null));

        var (_, info, _) = await Errors.AssertFailsAsync(() => client.GetTenantAsync(Get(tenant)).ResponseAsync,
            StatusCode.PermissionDenied, "PERMISSION_DENIED");
        Assert.Equal("tenants.get", info.Metadata["permission"]);

        await new AccessService.AccessServiceClient(jwt.Operator).CreateMemberAsync(new CreateMemberRequest
        {
            Parent = tenant.Name,
            Member = new Member { Subject = subject, Issuer = jwt.Idp.Issuer, DisplayName = subject, Roles = { "viewer" } },
        });

        // Member roles are cached (0.2 s on this host); the binding takes effect once the entry lapses.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                Assert.Equal(tenant.Name, (await client.GetTenantAsync(Get(tenant))).Name);
                break;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.PermissionDenied && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    [Fact]
    public async Task A_member_binding_of_another_subject_or_issuer_grants_nothing()
    {
        var tenant = await jwt.CreateTenantAsync();
        var subject = NewSubject();
        var access = new AccessService.AccessServiceClient(jwt.Operator);
        await access.CreateMemberAsync(new CreateMemberRequest
        {
            Parent = tenant.Name,
            Member = new Member { Subject = subject, Issuer = "https://other-idp.example.com", Roles = { "viewer" } },
        });
        await access.CreateMemberAsync(new CreateMemberRequest
        {
            Parent = tenant.Name,
            Member = new Member { Subject = NewSubject(), Issuer = jwt.Idp.Issuer, Roles = { "viewer" } },
        });

        var client = jwt.TenantsAs(jwt.Idp.Sign(subject, tenant.TenantId, roles: null));
        await Errors.AssertFailsAsync(() => client.GetTenantAsync(Get(tenant)).ResponseAsync, StatusCode.PermissionDenied, "PERMISSION_DENIED");
    }

    [Fact]
    public async Task An_expired_token_is_refused_as_expired() =>
        await AssertRefusedAsync("CREDENTIALS_EXPIRED", (sub, tenant) => jwt.Idp.Sign(sub, tenant, ["viewer"], expires: DateTime.UtcNow.AddMinutes(-5)));

    [Fact]
    public async Task A_token_signed_with_another_key_is_invalid() =>
        await AssertRefusedAsync("CREDENTIALS_INVALID", (sub, tenant) => jwt.Idp.Sign(sub, tenant, ["viewer"], impostorKey: true));

    [Fact]
    public async Task A_token_of_an_untrusted_issuer_is_invalid() =>
        await AssertRefusedAsync("CREDENTIALS_INVALID", (sub, tenant) => jwt.Idp.Sign(sub, tenant, ["viewer"], issuer: "https://untrusted.example.com"));

    [Fact]
    public async Task A_token_for_another_audience_is_invalid() =>
        await AssertRefusedAsync("CREDENTIALS_INVALID", (sub, tenant) => jwt.Idp.Sign(sub, tenant, ["viewer"], audience: "some-other-api"));

    [Fact]
    public async Task A_token_without_a_tenant_claim_is_invalid() =>
        await AssertRefusedAsync("CREDENTIALS_INVALID", (sub, _) => jwt.Idp.Sign(sub, tenant: null, ["viewer"]));

    [Fact]
    public async Task A_token_never_makes_an_operator()
    {
        var tenant = await jwt.CreateTenantAsync();
        var client = jwt.TenantsAs(jwt.Idp.Sign(NewSubject(), tenant.TenantId, ["operator"]));

        var (_, info, _) = await Errors.AssertFailsAsync(() => client.ListTenantsAsync(new ListTenantsRequest()).ResponseAsync,
            StatusCode.PermissionDenied, "PERMISSION_DENIED");
        Assert.Equal("tenants.list", info.Metadata["permission"]);
        await Errors.AssertFailsAsync(() => client.GetTenantAsync(Get(tenant)).ResponseAsync, StatusCode.PermissionDenied, "PERMISSION_DENIED");
    }

    [Fact]
    public async Task Rest_accepts_a_bearer_token()
    {
        var tenant = await jwt.CreateTenantAsync();
        using var rest = jwt.Factory.CreateClient();
        rest.DefaultRequestHeaders.Authorization = new("Bearer", jwt.Idp.Sign(NewSubject(), tenant.TenantId, ["viewer"]));

        using var ok = await rest.GetAsync(new Uri($"/v1/{tenant.Name}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains(tenant.Name, await ok.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        rest.DefaultRequestHeaders.Authorization = new("Bearer", jwt.Idp.Sign(NewSubject(), tenant.TenantId, ["viewer"], impostorKey: true));
        using var refused = await rest.GetAsync(new Uri($"/v1/{tenant.Name}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    /// <summary>The well-formed token works (so the keys were fetched), and the variant is refused with <paramref name="reason"/>.</summary>
    private async Task AssertRefusedAsync(string reason, Func<string, string?, string> variant)
    {
        var tenant = await jwt.CreateTenantAsync();
        var subject = NewSubject();
        Assert.Equal(tenant.Name, (await jwt.TenantsAs(jwt.Idp.Sign(subject, tenant.TenantId, ["viewer"])).GetTenantAsync(Get(tenant))).Name);

        var client = jwt.TenantsAs(variant(subject, tenant.TenantId));
        await Errors.AssertFailsAsync(() => client.GetTenantAsync(Get(tenant)).ResponseAsync, StatusCode.Unauthenticated, reason);
    }
}
