using Grpc.Core;
using Platform.Client;
using Platform.Integration.Tests.Infrastructure;
using Platform.Tenancy.V1;

namespace Platform.Integration.Tests.Host;

public sealed class SqliteSdkFacadeTests(SqliteHostFixture fx) : SdkFacadeTests<SqliteHostFixture>(fx);

public sealed class PostgresSdkFacadeTests(PostgresHostFixture fx) : SdkFacadeTests<PostgresHostFixture>(fx);

/// <summary>The C# SDK's hand-written parts against the real host: paging, idempotency, typed errors, gRPC-Web.</summary>
public abstract class SdkFacadeTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private PlatformClient Client(bool grpcWeb = false) => new(new PlatformClientOptions
    {
        Address = fx.Factory.Server.BaseAddress,
        HttpHandler = fx.Factory.Server.CreateHandler(),
        UseGrpcWeb = grpcWeb,
        ApiKey = fx.OperatorKey,
    });

    [Fact]
    public async Task List_all_walks_every_page()
    {
        using var client = Client();
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await client.Tenants.CreateTenantAsync(new CreateTenantRequest
            {
                TenantId = "s" + Guid.NewGuid().ToString("N")[..12],
                Tenant = new Tenant { DisplayName = "sdk", Tier = Tenant.Types.Tier.Enterprise },
            })).Name);
        }

        var listed = new List<string>();
        await foreach (var t in client.Tenants.ListAllTenantsAsync(new ListTenantsRequest { PageSize = 2, Filter = "tier = ENTERPRISE" }))
        {
            listed.Add(t.Name);
        }

        Assert.Equal(created, listed.Where(created.Contains));
        Assert.Equal(listed.Distinct().Count(), listed.Count);
    }

    [Fact]
    public async Task Creates_get_a_request_id_so_resending_the_same_request_is_safe()
    {
        using var client = Client();
        var request = new CreateTenantRequest { TenantId = "s" + Guid.NewGuid().ToString("N")[..12], Tenant = new Tenant { DisplayName = "x" } };

        var first = await client.Tenants.CreateTenantAsync(request);
        Assert.NotEmpty(request.RequestId);
        var again = await client.Tenants.CreateTenantAsync(request);

        Assert.Equal(first, again);
    }

    [Fact]
    public async Task Errors_are_exposed_as_typed_values()
    {
        using var client = Client(grpcWeb: true);
        var e = await Assert.ThrowsAsync<RpcException>(() => client.Tenants.CreateTenantAsync(new CreateTenantRequest
        {
            TenantId = "Not Valid",
            Tenant = new Tenant { DisplayName = "" },
        }).ResponseAsync);

        var error = e.ToPlatformError();
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("VALIDATION_FAILED", error.Reason);
        Assert.Equal(Platform.Api.V1.ErrorReason.ValidationFailed, error.KnownReason);
        Assert.Equal(["tenant.display_name", "tenant_id"], error.FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }
}
