using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Access.V1;
using Platform.Application.Abstractions.Security;
using Platform.Integration.Tests.Infrastructure;
using Platform.Tenancy.V1;
using DomainRole = Platform.Domain.Access.Role;

namespace Platform.Integration.Tests.Isolation;

public sealed class SqliteDefenceInDepthTests(SqliteHostFixture fx) : DefenceInDepthTests<SqliteHostFixture>(fx);

public sealed class PostgresDefenceInDepthTests(PostgresHostFixture fx) : DefenceInDepthTests<PostgresHostFixture>(fx);

/// <summary>
/// The storage layer's own guarantees, below the interceptor: queries only see the call's tenant,
/// and a write of another tenant's row is refused even if a handler tried it.
/// </summary>
public abstract class DefenceInDepthTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    [Fact]
    public async Task Query_filters_scope_every_tenant_owned_table_to_the_calls_tenant()
    {
        var a = await fx.CreateTenantAsync();
        var b = await fx.CreateTenantAsync();
        await fx.CreateKeyAsync(a.Name, "viewer");
        await fx.CreateKeyAsync(b.Name, "viewer");

        await using var scope = fx.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().TenantId = a.TenantId;
        var db = scope.ServiceProvider.GetRequiredService<global::Platform.Infrastructure.Persistence.PlatformDbContext>();

        var tenantsSeen = await db.ApiKeys.Select(k => k.TenantId).Distinct().ToListAsync();
        Assert.Equal([a.TenantId], tenantsSeen);
        Assert.Empty(await db.AuditEvents.Where(e => e.TenantId == b.TenantId).ToListAsync());
        Assert.NotEmpty(await db.ApiKeys.IgnoreQueryFilters().Where(k => k.TenantId == b.TenantId).ToListAsync());
    }

    [Fact]
    public async Task Saving_a_row_of_another_tenant_is_refused()
    {
        var a = await fx.CreateTenantAsync();
        var b = await fx.CreateTenantAsync();

        await using (var scope = fx.Factory.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<RequestContext>().TenantId = a.TenantId;
            var db = scope.ServiceProvider.GetRequiredService<global::Platform.Infrastructure.Persistence.PlatformDbContext>();
            db.Roles.Add(DomainRole.Create(b.TenantId, "planted", "x", "", ["tenants.get"], DateTime.UtcNow).Value);

            var e = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
            Assert.Contains("another tenant", e.Message, StringComparison.Ordinal);
        }

        await Errors.AssertFailsAsync(() => new AccessService.AccessServiceClient(fx.Operator)
            .GetRoleAsync(new GetRoleRequest { Name = $"{b.Name}/roles/planted" }).ResponseAsync, StatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task Tenants_past_their_purge_time_are_deleted_with_everything_they_own()
    {
        var clock = new ShiftedClock();
        await using var factory = await fx.CreateIsolatedHostAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        using var channel = HostFixture.ChannelFor(factory);
        await HostFixture.WaitUntilServingAsync(channel);
        var op = HostFixture.WithCredential(channel, fx.OperatorKey);
        var tenants = new TenantService.TenantServiceClient(op);
        var id = TenantSetup.NewId();
        var doomed = await tenants.CreateTenantAsync(new CreateTenantRequest { TenantId = id, Tenant = new Tenant { DisplayName = "d" }, RequestId = Guid.NewGuid().ToString() });
        await new AccessService.AccessServiceClient(op).CreateApiKeyAsync(new CreateApiKeyRequest { Parent = doomed.Name, ApiKey = new ApiKey { Roles = { "viewer" } } });
        var type = await new Platform.Eav.V1.EntityTypeService.EntityTypeServiceClient(op).CreateEntityTypeAsync(new Platform.Eav.V1.CreateEntityTypeRequest
        {
            Parent = doomed.Name, EntityTypeId = "product", EntityType = Eav.EntityWorld.Product(),
        });
        await new Platform.Eav.V1.EntityService.EntityServiceClient(op).CreateEntityAsync(new Platform.Eav.V1.CreateEntityRequest
        {
            Parent = type.Name, Entity = new Platform.Eav.V1.Entity { Attributes = Eav.EntityWorld.Attrs(("sku", Eav.EntityWorld.S("D-1"))) },
        });
        await tenants.DeleteTenantAsync(new DeleteTenantRequest { Name = doomed.Name });

        clock.Offset = TimeSpan.FromDays(31);
        var (purged, keys) = await factory.Services.GetRequiredService<global::Platform.Infrastructure.Persistence.HousekeepingService>().RunAsync(CancellationToken.None);

        Assert.Equal(1, purged);
        Assert.True(keys >= 1);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<global::Platform.Infrastructure.Persistence.PlatformDbContext>();
            Assert.False(await db.ApiKeys.IgnoreQueryFilters().AnyAsync(k => k.TenantId == id));
            Assert.Equal(0, await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM entities WHERE tenant_id = {id}").SingleAsync());
            Assert.Equal(0, await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM entity_revisions WHERE tenant_id = {id}").SingleAsync());
        }

        // The id is free again.
        Assert.Equal(Tenant.Types.State.Active, (await tenants.CreateTenantAsync(new CreateTenantRequest { TenantId = id, Tenant = new Tenant { DisplayName = "again" } })).State);
    }

    [Fact]
    public async Task Resolution_sources_can_be_narrowed()
    {
        await using var factory = await fx.CreateIsolatedHostAsync(new() { ["Platform:Tenancy:ResolutionSources:0"] = "credential", ["Platform:Tenancy:ResolutionSources:1"] = "resource" });
        using var channel = HostFixture.ChannelFor(factory);
        await HostFixture.WaitUntilServingAsync(channel);
        var op = HostFixture.WithCredential(channel, fx.OperatorKey);
        var tenants = new TenantService.TenantServiceClient(op);
        var a = await tenants.CreateTenantAsync(new CreateTenantRequest { TenantId = TenantSetup.NewId(), Tenant = new Tenant { DisplayName = "a" } });
        var b = await tenants.CreateTenantAsync(new CreateTenantRequest { TenantId = TenantSetup.NewId(), Tenant = new Tenant { DisplayName = "b" } });
        var key = await new AccessService.AccessServiceClient(op).CreateApiKeyAsync(new CreateApiKeyRequest { Parent = a.Name, ApiKey = new ApiKey { Roles = { "viewer" } } });

        // The host names B, but the host is not a source here: A's key reads A.
        using var onB = Grpc.Net.Client.GrpcChannel.ForAddress($"http://{b.Subdomain}.platform.test", new Grpc.Net.Client.GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() });
        var got = await new TenantService.TenantServiceClient(HostFixture.WithCredential(onB, key.Secret)).GetTenantAsync(new GetTenantRequest { Name = a.Name });
        Assert.Equal(a.Name, got.Name);
    }

    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }
}
