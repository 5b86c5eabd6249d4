using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Platform.Integration.Tests.Infrastructure;
using Platform.Tenancy.V1;

namespace Platform.Integration.Tests.Host;

/// <summary>
/// An unexpected exception becomes INTERNAL with a reference and nothing of the exception in the
/// reply, and is logged with that reference. The failure is injected by replacing the repository
/// port, since no real component fails on demand.
/// </summary>
public sealed class UnexpectedErrorTests(SqliteHostFixture fx) : IClassFixture<SqliteHostFixture>
{
    private const string Secret = "connection to db-7.internal refused (password=hunter2)";

    [Fact]
    public async Task Exceptions_become_internal_without_leaking_details()
    {
        await using var factory = await fx.CreateIsolatedHostAsync(services: s =>
            s.AddScoped<global::Platform.Application.Abstractions.ITenantRepository, ExplodingRepository>());
        using var channel = HostFixture.ChannelFor(factory);
        await HostFixture.WaitUntilServingAsync(channel);

        var (status, info, _) = await Errors.AssertFailsAsync(
            () => new TenantService.TenantServiceClient(HostFixture.WithCredential(channel, fx.OperatorKey)).ListTenantsAsync(new ListTenantsRequest()).ResponseAsync,
            StatusCode.Internal, "INTERNAL_ERROR");

        Assert.DoesNotContain("hunter2", status.ToString(), StringComparison.Ordinal);
        Assert.Contains(info.Metadata["reference"], status.Message, StringComparison.Ordinal);
        Assert.Contains(fx.Logs.Lines, l => l.Contains(info.Metadata["reference"], StringComparison.Ordinal) && l.Contains("hunter2", StringComparison.Ordinal));

        using var restClient = factory.CreateClient();
        restClient.DefaultRequestHeaders.Add("x-api-key", fx.OperatorKey);
        var rest = await restClient.GetAsync("/v1/tenants");
        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, rest.StatusCode);
        Assert.DoesNotContain("hunter2", await rest.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private sealed class ExplodingRepository : global::Platform.Application.Abstractions.ITenantRepository
    {
        public Task<global::Platform.Domain.Tenancy.Tenant?> FindAsync(global::Platform.Domain.Tenancy.TenantId id, CancellationToken ct) =>
            throw new InvalidOperationException(Secret);

        public Task<bool> IsSubdomainTakenAsync(string subdomain, global::Platform.Domain.Tenancy.TenantId except, CancellationToken ct) =>
            throw new InvalidOperationException(Secret);

        public Task<string?> FindVerifiedDomainOwnerAsync(string domain, CancellationToken ct) => throw new InvalidOperationException(Secret);

        public void Add(global::Platform.Domain.Tenancy.Tenant tenant) => throw new InvalidOperationException(Secret);

        public Task<IReadOnlyList<global::Platform.Domain.Tenancy.Tenant>> ListAsync(global::Platform.Application.Abstractions.TenantListSpec spec, CancellationToken ct) =>
            throw new InvalidOperationException(Secret);
    }
}
