using System.Net;
using Grpc.Core;
using Platform.Access.V1;
using Platform.Integration.Tests.Infrastructure;
using Platform.Tenancy.V1;

namespace Platform.Integration.Tests.Security;

public sealed class SqliteAuthenticationTests(SqliteHostFixture fx) : AuthenticationTests<SqliteHostFixture>(fx);

public sealed class PostgresAuthenticationTests(PostgresHostFixture fx) : AuthenticationTests<PostgresHostFixture>(fx);

/// <summary>Credentials on every surface: missing, malformed, unknown, revoked, expired, and the secret never logged.</summary>
public abstract class AuthenticationTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    [Fact]
    public async Task Calls_without_credentials_are_unauthenticated_on_every_surface()
    {
        var tenant = await fx.CreateTenantAsync();
        await Errors.AssertFailsAsync(() => new TenantService.TenantServiceClient(fx.Channel).GetTenantAsync(new GetTenantRequest { Name = tenant.Name }).ResponseAsync,
            StatusCode.Unauthenticated, "CREDENTIALS_MISSING");
        await Errors.AssertFailsAsync(() => new TenantService.TenantServiceClient(fx.GrpcWebChannel).GetTenantAsync(new GetTenantRequest { Name = tenant.Name }).ResponseAsync,
            StatusCode.Unauthenticated, "CREDENTIALS_MISSING");
        using var anonymous = fx.RestAs(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/v1/{tenant.Name}")).StatusCode);
    }

    [Theory]
    [InlineData("tk_tooShort", "CREDENTIALS_INVALID")]
    [InlineData("tk_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "CREDENTIALS_INVALID")]
    [InlineData("not-a-jwt-or-key", "CREDENTIALS_INVALID")]
    public async Task Bad_credentials_are_unauthenticated(string credential, string reason) =>
        await Errors.AssertFailsAsync(() => new TenantService.TenantServiceClient(fx.As(credential)).ListTenantsAsync(new ListTenantsRequest()).ResponseAsync,
            StatusCode.Unauthenticated, reason);

    [Fact]
    public async Task Keys_work_as_bearer_or_x_api_key_on_grpc_rest_and_grpc_web()
    {
        var tenant = await fx.CreateTenantAsync();
        var (secret, _) = await fx.CreateKeyAsync(tenant.Name, "viewer");

        Assert.Equal(tenant.Name, (await new TenantService.TenantServiceClient(fx.As(secret)).GetTenantAsync(new GetTenantRequest { Name = tenant.Name })).Name);
        var web = HostFixture.WithCredential(fx.GrpcWebChannel, secret);
        Assert.Equal(tenant.Name, (await new TenantService.TenantServiceClient(web).GetTenantAsync(new GetTenantRequest { Name = tenant.Name })).Name);
        using var rest = fx.RestAs(null);
        rest.DefaultRequestHeaders.Add("x-api-key", secret);
        Assert.Equal(HttpStatusCode.OK, (await rest.GetAsync($"/v1/{tenant.Name}")).StatusCode);
    }

    [Fact]
    public async Task A_revoked_key_stops_working_at_once()
    {
        var tenant = await fx.CreateTenantAsync();
        var (secret, key) = await fx.CreateKeyAsync(tenant.Name, "viewer");
        var client = new TenantService.TenantServiceClient(fx.As(secret));
        await client.GetTenantAsync(new GetTenantRequest { Name = tenant.Name }); // cached now

        var revoked = await new AccessService.AccessServiceClient(fx.Operator).RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = key.Name });
        Assert.Equal(ApiKey.Types.State.Revoked, revoked.State);
        await Errors.AssertFailsAsync(() => client.GetTenantAsync(new GetTenantRequest { Name = tenant.Name }).ResponseAsync,
            StatusCode.Unauthenticated, "CREDENTIALS_REVOKED");
    }

    [Fact]
    public async Task Last_used_time_is_recorded_without_a_write_per_call()
    {
        var tenant = await fx.CreateTenantAsync();
        var (secret, key) = await fx.CreateKeyAsync(tenant.Name, "viewer");
        Assert.Null(key.LastUsedTime);
        await new TenantService.TenantServiceClient(fx.As(secret)).GetTenantAsync(new GetTenantRequest { Name = tenant.Name });

        var access = new AccessService.AccessServiceClient(fx.Operator);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        ApiKey current;
        do
        {
            await Task.Delay(200);
            current = await access.GetApiKeyAsync(new GetApiKeyRequest { Name = key.Name });
        }
        while (current.LastUsedTime is null && DateTime.UtcNow < deadline);

        Assert.NotNull(current.LastUsedTime);
    }

    [Fact]
    public async Task Secrets_never_appear_in_logs()
    {
        var tenant = await fx.CreateTenantAsync();
        var (secret, key) = await fx.CreateKeyAsync(tenant.Name, "admin");
        var client = new TenantService.TenantServiceClient(fx.As(secret));
        await client.GetTenantAsync(new GetTenantRequest { Name = tenant.Name });
        await Assert.ThrowsAsync<RpcException>(() => client.ListTenantsAsync(new ListTenantsRequest()).ResponseAsync);
        await new AccessService.AccessServiceClient(fx.Operator).RevokeApiKeyAsync(new RevokeApiKeyRequest { Name = key.Name });
        await Assert.ThrowsAsync<RpcException>(() => client.GetTenantAsync(new GetTenantRequest { Name = tenant.Name }).ResponseAsync);

        Assert.NotEmpty(fx.Logs.Lines);
        Assert.DoesNotContain(fx.Logs.Lines, l => l.Contains(secret, StringComparison.Ordinal));
        Assert.DoesNotContain(fx.Logs.Lines, l => l.Contains(secret[3..], StringComparison.Ordinal));
        Assert.DoesNotContain(fx.Logs.Lines, l => l.Contains(fx.OperatorKey, StringComparison.Ordinal));
    }
}
