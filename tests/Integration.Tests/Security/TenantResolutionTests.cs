using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Platform.Access.V1;
using Platform.Integration.Tests.Infrastructure;
using Platform.Tenancy.V1;
using IDnsTxtResolver = global::Platform.Application.Abstractions.IDnsTxtResolver;

namespace Platform.Integration.Tests.Security;

public sealed class SqliteTenantResolutionTests(SqliteHostFixture fx) : TenantResolutionTests<SqliteHostFixture>(fx);

public sealed class PostgresTenantResolutionTests(PostgresHostFixture fx) : TenantResolutionTests<PostgresHostFixture>(fx);

/// <summary>
/// The tenant of a call comes from the credential, the resource name, the subdomain and verified
/// custom domains; any disagreement is TENANT_MISMATCH, and only operators act in tenants that are
/// not active.
/// </summary>
public abstract class TenantResolutionTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private static GetTenantRequest Get(Tenant tenant) => new() { Name = tenant.Name };

    private TenantService.TenantServiceClient OnHost(string host, string credential) =>
        new(HostFixture.WithCredential(fx.ChannelForHost(host), credential));

    private static string SubdomainHost(Tenant tenant) => $"{tenant.Subdomain}.platform.test";

    [Fact]
    public async Task A_key_works_on_its_own_subdomain_and_nowhere_else()
    {
        var a = await fx.CreateTenantAsync();
        var b = await fx.CreateTenantAsync();
        var (secret, _) = await fx.CreateKeyAsync(a.Name, "viewer");
        Assert.Equal(a.TenantId, a.Subdomain); // The subdomain defaults to the id.

        Assert.Equal(a.Name, (await OnHost(SubdomainHost(a), secret).GetTenantAsync(Get(a))).Name);
        await Errors.AssertFailsAsync(() => OnHost(SubdomainHost(b), secret).GetTenantAsync(Get(a)).ResponseAsync,
            StatusCode.PermissionDenied, "TENANT_MISMATCH");
        await Errors.AssertFailsAsync(() => OnHost(SubdomainHost(b), secret).GetTenantAsync(Get(b)).ResponseAsync,
            StatusCode.PermissionDenied, "TENANT_MISMATCH");
    }

    [Fact]
    public async Task An_unknown_subdomain_is_not_found_even_for_the_operator()
    {
        var a = await fx.CreateTenantAsync();
        var (secret, _) = await fx.CreateKeyAsync(a.Name, "viewer");
        var host = $"{TenantSetup.NewId("nobody")}.platform.test";

        await Errors.AssertFailsAsync(() => OnHost(host, secret).GetTenantAsync(Get(a)).ResponseAsync, StatusCode.NotFound, "RESOURCE_NOT_FOUND");
        await Errors.AssertFailsAsync(() => OnHost(host, fx.OperatorKey).GetTenantAsync(Get(a)).ResponseAsync, StatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task The_operator_is_held_to_the_subdomain_it_calls_on()
    {
        var a = await fx.CreateTenantAsync();
        var b = await fx.CreateTenantAsync();

        await Errors.AssertFailsAsync(() => OnHost(SubdomainHost(b), fx.OperatorKey).GetTenantAsync(Get(a)).ResponseAsync,
            StatusCode.PermissionDenied, "TENANT_MISMATCH");
        Assert.Equal(b.Name, (await OnHost(SubdomainHost(b), fx.OperatorKey).GetTenantAsync(Get(b))).Name);
        Assert.Equal(a.Name, (await OnHost("platform.test", fx.OperatorKey).GetTenantAsync(Get(a))).Name);
    }

    [Fact]
    public async Task A_key_cannot_name_another_tenants_resources()
    {
        var a = await fx.CreateTenantAsync();
        var b = await fx.CreateTenantAsync();
        var (secret, _) = await fx.CreateKeyAsync(a.Name, "admin");

        await Errors.AssertFailsAsync(() => new TenantService.TenantServiceClient(fx.As(secret)).GetTenantAsync(Get(b)).ResponseAsync,
            StatusCode.PermissionDenied, "TENANT_MISMATCH");
        await Errors.AssertFailsAsync(() => new AccessService.AccessServiceClient(fx.As(secret)).ListApiKeysAsync(new ListApiKeysRequest { Parent = b.Name }).ResponseAsync,
            StatusCode.PermissionDenied, "TENANT_MISMATCH");
        await Errors.AssertFailsAsync(() => new AccessService.AccessServiceClient(fx.As(secret)).ListApiKeysAsync(new ListApiKeysRequest { Parent = "tenants/-" }).ResponseAsync,
            StatusCode.PermissionDenied, "TENANT_MISMATCH");
    }

    [Fact]
    public async Task A_tenant_key_cannot_call_operator_only_methods()
    {
        var a = await fx.CreateTenantAsync();
        var (secret, _) = await fx.CreateKeyAsync(a.Name, "admin");
        var client = new TenantService.TenantServiceClient(fx.As(secret));

        var (_, list, _) = await Errors.AssertFailsAsync(() => client.ListTenantsAsync(new ListTenantsRequest()).ResponseAsync,
            StatusCode.PermissionDenied, "PERMISSION_DENIED");
        Assert.Equal("tenants.list", list.Metadata["permission"]);
        var (_, create, _) = await Errors.AssertFailsAsync(() => client.CreateTenantAsync(new CreateTenantRequest
        {
            TenantId = TenantSetup.NewId(), Tenant = new Tenant { DisplayName = "Not allowed" },
        }).ResponseAsync, StatusCode.PermissionDenied, "PERMISSION_DENIED");
        Assert.Equal("tenants.create", create.Metadata["permission"]);
        var (_, suspend, _) = await Errors.AssertFailsAsync(() => client.SuspendTenantAsync(new SuspendTenantRequest { Name = a.Name }).ResponseAsync,
            StatusCode.PermissionDenied, "PERMISSION_DENIED");
        Assert.Equal("tenants.suspend", suspend.Metadata["permission"]);
    }

    [Fact]
    public async Task A_suspended_tenants_keys_stop_until_the_operator_resumes_it()
    {
        var a = await fx.CreateTenantAsync();
        var (secret, _) = await fx.CreateKeyAsync(a.Name, "viewer");
        var client = new TenantService.TenantServiceClient(fx.As(secret));
        await client.GetTenantAsync(Get(a)); // Tenant and key are cached now.

        Assert.Equal(Tenant.Types.State.Suspended, (await fx.Tenants.SuspendTenantAsync(new SuspendTenantRequest { Name = a.Name })).State);
        var (_, info, _) = await Errors.AssertFailsAsync(() => client.GetTenantAsync(Get(a)).ResponseAsync,
            StatusCode.FailedPrecondition, "TENANT_SUSPENDED");
        Assert.Equal(a.Name, info.Metadata["resource"]);
        Assert.Equal(Tenant.Types.State.Suspended, (await fx.Tenants.GetTenantAsync(Get(a))).State);
        Assert.Equal(Tenant.Types.State.Suspended, (await OnHost(SubdomainHost(a), fx.OperatorKey).GetTenantAsync(Get(a))).State);

        Assert.Equal(Tenant.Types.State.Active, (await fx.Tenants.ResumeTenantAsync(new ResumeTenantRequest { Name = a.Name })).State);
        Assert.Equal(Tenant.Types.State.Active, (await client.GetTenantAsync(Get(a))).State);
    }

    [Fact]
    public async Task A_deleted_tenants_keys_find_nothing()
    {
        var a = await fx.CreateTenantAsync();
        var (secret, _) = await fx.CreateKeyAsync(a.Name, "viewer");
        var client = new TenantService.TenantServiceClient(fx.As(secret));
        await client.GetTenantAsync(Get(a));

        await fx.Tenants.DeleteTenantAsync(new DeleteTenantRequest { Name = a.Name });
        await Errors.AssertFailsAsync(() => client.GetTenantAsync(Get(a)).ResponseAsync, StatusCode.NotFound, "RESOURCE_NOT_FOUND");
        await Errors.AssertFailsAsync(() => OnHost(SubdomainHost(a), secret).GetTenantAsync(Get(a)).ResponseAsync,
            StatusCode.NotFound, "RESOURCE_NOT_FOUND");
        Assert.Equal(Tenant.Types.State.Deleted, (await fx.Tenants.GetTenantAsync(Get(a))).State);
    }

    [Fact]
    public async Task A_verified_custom_domain_routes_to_its_tenant()
    {
        var dns = new FakeDns();
        await using var factory = await fx.CreateIsolatedHostAsync(services: s => s.AddSingleton<IDnsTxtResolver>(dns));
        using var channel = HostFixture.ChannelFor(factory);
        await HostFixture.WaitUntilServingAsync(channel);
        var tenants = new TenantService.TenantServiceClient(HostFixture.WithCredential(channel, fx.OperatorKey));
        var access = new AccessService.AccessServiceClient(HostFixture.WithCredential(channel, fx.OperatorKey));
        async Task<(Tenant Tenant, string Secret)> TenantWithKeyAsync()
        {
            var tenant = await tenants.CreateTenantAsync(new CreateTenantRequest { TenantId = TenantSetup.NewId(), Tenant = new Tenant { DisplayName = "Domains" } });
            var key = await access.CreateApiKeyAsync(new CreateApiKeyRequest { Parent = tenant.Name, ApiKey = new ApiKey { DisplayName = "k", Roles = { "viewer" } } });
            return (tenant, key.Secret);
        }

        var (a, aKey) = await TenantWithKeyAsync();
        var (b, bKey) = await TenantWithKeyAsync();
        var domain = $"app.d{Guid.NewGuid().ToString("N")[..10]}.example.com";
        using var domainChannel = GrpcChannel.ForAddress(new Uri($"http://{domain}"), new GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() });
        TenantService.TenantServiceClient OnDomain(string credential) => new(HostFixture.WithCredential(domainChannel, credential));

        var record = (await tenants.AddCustomDomainAsync(new AddCustomDomainRequest { Name = a.Name, Domain = domain })).VerificationRecord;
        // An unverified domain routes nowhere: it names no tenant, so it cannot disagree.
        Assert.Equal(b.Name, (await OnDomain(bKey).GetTenantAsync(Get(b))).Name);

        dns.Publish(record.Name, record.Value);
        Assert.True((await tenants.VerifyCustomDomainAsync(new VerifyCustomDomainRequest { Name = a.Name, Domain = domain })).CustomDomains.Single().Verified);

        Assert.Equal(a.Name, (await OnDomain(aKey).GetTenantAsync(Get(a))).Name);
        await Errors.AssertFailsAsync(() => OnDomain(bKey).GetTenantAsync(Get(b)).ResponseAsync, StatusCode.PermissionDenied, "TENANT_MISMATCH");
        await Errors.AssertFailsAsync(() => OnDomain(aKey).GetTenantAsync(Get(b)).ResponseAsync, StatusCode.PermissionDenied, "TENANT_MISMATCH");
        await Errors.AssertFailsAsync(() => OnDomain(fx.OperatorKey).GetTenantAsync(Get(b)).ResponseAsync, StatusCode.PermissionDenied, "TENANT_MISMATCH");
        Assert.Equal(a.Name, (await OnDomain(fx.OperatorKey).GetTenantAsync(Get(a))).Name);

        // Removing the domain stops the routing at once on this host.
        await tenants.RemoveCustomDomainAsync(new RemoveCustomDomainRequest { Name = a.Name, Domain = domain });
        Assert.Equal(b.Name, (await OnDomain(bKey).GetTenantAsync(Get(b))).Name);
    }

    /// <summary>A DNS zone the test publishes TXT records into.</summary>
    private sealed class FakeDns : IDnsTxtResolver
    {
        private readonly ConcurrentDictionary<string, string[]> _txt = new(StringComparer.OrdinalIgnoreCase);

        public void Publish(string name, params string[] values) => _txt[name] = values;

        public Task<IReadOnlyList<string>> ResolveTxtAsync(string name, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<string>>(_txt.TryGetValue(name, out var values) ? values : []);
    }
}
