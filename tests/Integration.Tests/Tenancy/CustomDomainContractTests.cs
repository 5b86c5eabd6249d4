extern alias host;

using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Integration.Tests.Infrastructure;
using Platform.Tenancy.V1;
using IDnsTxtResolver = global::Platform.Application.Abstractions.IDnsTxtResolver;
using ITenantDirectory = global::Platform.Application.Abstractions.ITenantDirectory;
using TenantId = global::Platform.Domain.Tenancy.TenantId;

namespace Platform.Integration.Tests.Tenancy;

public sealed class SqliteCustomDomainTests(SqliteHostFixture fx) : CustomDomainContractTests<SqliteHostFixture>(fx);

public sealed class PostgresCustomDomainTests(PostgresHostFixture fx) : CustomDomainContractTests<PostgresHostFixture>(fx);

/// <summary>
/// Add / verify / remove custom domains. DNS is outside the machine, so each test runs its own host
/// whose TXT resolver is a fake the test publishes records to; everything else is real.
/// </summary>
public abstract class CustomDomainContractTests<TFixture>(TFixture fx) : IClassFixture<TFixture>, IAsyncLifetime
    where TFixture : HostFixture
{
    private readonly FakeDns _dns = new();
    private WebApplicationFactory<host::Program> _host = null!;
    private GrpcChannel _channel = null!;

    private TenantService.TenantServiceClient Tenants => new(HostFixture.WithCredential(_channel, fx.OperatorKey));

    private ITenantDirectory Directory => _host.Services.GetRequiredService<ITenantDirectory>();

    public async ValueTask InitializeAsync()
    {
        _host = await fx.CreateIsolatedHostAsync(services: s => s.AddSingleton<IDnsTxtResolver>(_dns));
        _channel = HostFixture.ChannelFor(_host);
        await HostFixture.WaitUntilServingAsync(_channel);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _host.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Add_returns_the_record_to_publish_and_adding_again_changes_nothing()
    {
        var tenant = await CreateAsync();
        var domain = NewDomain();

        var added = await AddAsync(tenant, domain);

        var entry = Assert.Single(added.Tenant.CustomDomains);
        Assert.Equal(domain, entry.Domain);
        Assert.False(entry.Verified);
        Assert.Equal(32, entry.VerificationToken.Length);
        Assert.Equal($"_platform-verification.{domain}", added.VerificationRecord.Name);
        Assert.Equal("TXT", added.VerificationRecord.Type);
        Assert.Equal($"platform-verification={entry.VerificationToken}", added.VerificationRecord.Value);
        Assert.NotEqual(tenant.Etag, added.Tenant.Etag);
        Assert.Equal(added.Tenant, await Tenants.GetTenantAsync(new GetTenantRequest { Name = tenant.Name }));

        Assert.Equal(added, await AddAsync(tenant, domain));
    }

    [Fact]
    public async Task Verify_needs_the_published_record_and_refreshes_the_cached_tenant()
    {
        var tenant = await CreateAsync();
        var domain = NewDomain();
        var added = await AddAsync(tenant, domain);
        var id = TenantId.FromTrusted(tenant.TenantId);
        Assert.False((await Directory.FindAsync(id, default))!.CustomDomains.Single().Verified); // Now cached.

        var (_, info, _) = await Errors.AssertFailsAsync(() => VerifyAsync(tenant, domain), StatusCode.FailedPrecondition, "DOMAIN_NOT_VERIFIED");
        Assert.Equal(added.VerificationRecord.Name, info.Metadata["record"]);

        _dns.Publish(added.VerificationRecord.Name, "platform-verification=someone-elses-token", "v=spf1 -all");
        await Errors.AssertFailsAsync(() => VerifyAsync(tenant, domain), StatusCode.FailedPrecondition, "DOMAIN_NOT_VERIFIED");

        _dns.Publish(added.VerificationRecord.Name, "v=spf1 -all", added.VerificationRecord.Value);
        var verified = await VerifyAsync(tenant, domain);

        Assert.True(Assert.Single(verified.CustomDomains).Verified);
        Assert.NotEqual(added.Tenant.Etag, verified.Etag);
        Assert.Equal(verified, await VerifyAsync(tenant, domain)); // Idempotent: no second write.
        Assert.True((await Directory.FindAsync(id, default))!.CustomDomains.Single().Verified); // The cache was invalidated.
    }

    [Fact]
    public async Task A_domain_verified_by_another_tenant_is_taken()
    {
        var owner = await CreateAsync();
        var rival = await CreateAsync();
        var domain = NewDomain();
        var record = (await AddAsync(owner, domain)).VerificationRecord;
        var rivalRecord = (await AddAsync(rival, domain)).VerificationRecord; // Unverified domains are not claimed.
        _dns.Publish(record.Name, record.Value, rivalRecord.Value);
        await VerifyAsync(owner, domain);

        var (_, _, bad) = await Errors.AssertFailsAsync(() => VerifyAsync(rival, domain), StatusCode.AlreadyExists, "VALUE_ALREADY_TAKEN");
        Assert.Equal(["domain"], bad.Fields());
        var third = await CreateAsync();
        await Errors.AssertFailsAsync(() => AddAsync(third, domain), StatusCode.AlreadyExists, "VALUE_ALREADY_TAKEN");

        // Once the owner lets it go, the rival can prove it.
        await RemoveAsync(owner, domain);
        Assert.True((await VerifyAsync(rival, domain)).CustomDomains.Single().Verified);
    }

    [Fact]
    public async Task Remove_drops_the_domain_and_its_host()
    {
        var tenant = await CreateAsync();
        var domain = NewDomain();
        var keep = NewDomain();
        var record = (await AddAsync(tenant, domain)).VerificationRecord;
        await AddAsync(tenant, keep);
        _dns.Publish(record.Name, record.Value);
        var verified = await VerifyAsync(tenant, domain);

        var removed = await RemoveAsync(tenant, domain);

        Assert.Equal([keep], removed.CustomDomains.Select(d => d.Domain));
        Assert.NotEqual(verified.Etag, removed.Etag);
        Assert.Equal(removed, await Tenants.GetTenantAsync(new GetTenantRequest { Name = tenant.Name }));
        Assert.Null(await Directory.FindByVerifiedDomainAsync(domain, default));
        await Errors.AssertFailsAsync(() => RemoveAsync(tenant, domain), StatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task Bad_names_unknown_domains_and_deleted_tenants_are_refused()
    {
        var tenant = await CreateAsync();
        foreach (var bad in new[] { "", "localhost", "App.Example.com", "-x.example.com", "a..example.com" })
        {
            var (_, _, violations) = await Errors.AssertFailsAsync(() => AddAsync(tenant, bad), StatusCode.InvalidArgument, "VALIDATION_FAILED");
            Assert.Equal(["domain"], violations.Fields());
        }

        await Errors.AssertFailsAsync(() => VerifyAsync(tenant, NewDomain()), StatusCode.NotFound, "RESOURCE_NOT_FOUND");
        await Errors.AssertFailsAsync(() => RemoveAsync(tenant, NewDomain()), StatusCode.NotFound, "RESOURCE_NOT_FOUND");
        await Errors.AssertFailsAsync(() => AddAsync(new Tenant { Name = "tenants/no-such-tenant" }, NewDomain()), StatusCode.NotFound, "RESOURCE_NOT_FOUND");

        var domain = NewDomain();
        await AddAsync(tenant, domain);
        await Tenants.DeleteTenantAsync(new DeleteTenantRequest { Name = tenant.Name });
        await Errors.AssertFailsAsync(() => AddAsync(tenant, NewDomain()), StatusCode.FailedPrecondition, "INVALID_STATE");
        await Errors.AssertFailsAsync(() => VerifyAsync(tenant, domain), StatusCode.FailedPrecondition, "INVALID_STATE");
        await Errors.AssertFailsAsync(() => RemoveAsync(tenant, domain), StatusCode.FailedPrecondition, "INVALID_STATE");
    }

    private static string NewDomain() => $"app.d{Guid.NewGuid().ToString("N")[..10]}.example.com";

    private async Task<Tenant> CreateAsync()
    {
        var id = TenantContractTests<TFixture>.NewId();
        return await Tenants.CreateTenantAsync(new CreateTenantRequest { TenantId = id, Tenant = new Tenant { DisplayName = $"Domains {id}" } });
    }

    private Task<AddCustomDomainResponse> AddAsync(Tenant tenant, string domain) =>
        Tenants.AddCustomDomainAsync(new AddCustomDomainRequest { Name = tenant.Name, Domain = domain }).ResponseAsync;

    private Task<Tenant> VerifyAsync(Tenant tenant, string domain) =>
        Tenants.VerifyCustomDomainAsync(new VerifyCustomDomainRequest { Name = tenant.Name, Domain = domain }).ResponseAsync;

    private Task<Tenant> RemoveAsync(Tenant tenant, string domain) =>
        Tenants.RemoveCustomDomainAsync(new RemoveCustomDomainRequest { Name = tenant.Name, Domain = domain }).ResponseAsync;

    /// <summary>The one fake: a DNS zone the test writes TXT records into.</summary>
    private sealed class FakeDns : IDnsTxtResolver
    {
        private readonly ConcurrentDictionary<string, string[]> _txt = new(StringComparer.OrdinalIgnoreCase);

        public void Publish(string name, params string[] values) => _txt[name] = values;

        public Task<IReadOnlyList<string>> ResolveTxtAsync(string name, CancellationToken ct) =>
            Task.FromResult<IReadOnlyList<string>>(_txt.TryGetValue(name, out var values) ? values : []);
    }
}
