using Microsoft.Extensions.DependencyInjection;
using Platform.Eav.V1;
using Platform.Integration.Tests.Infrastructure;
using Platform.Quota.V1;
using Platform.Tenancy.V1;
using static Platform.Integration.Tests.Eav.EntityWorld;

namespace Platform.Integration.Tests.Eav;

public sealed class SqliteRevisionRetentionTests(SqliteHostFixture fx) : RevisionRetentionTests<SqliteHostFixture>(fx);

public sealed class PostgresRevisionRetentionTests(PostgresHostFixture fx) : RevisionRetentionTests<PostgresHostFixture>(fx);

/// <summary>Entity history is kept for the plan's history_days; the latest revision always stays; purged tenants leave no entities.</summary>
public abstract class RevisionRetentionTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    [Fact]
    public async Task Revisions_past_the_plans_history_days_are_purged_except_the_latest()
    {
        var clock = new ShiftedClock();
        await using var factory = await fx.CreateIsolatedHostAsync(services: s => s.AddSingleton<TimeProvider>(clock));
        using var channel = HostFixture.ChannelFor(factory);
        await HostFixture.WaitUntilServingAsync(channel);
        var op = HostFixture.WithCredential(channel, fx.OperatorKey);
        var plan = await new PlanService.PlanServiceClient(op).CreatePlanAsync(new CreatePlanRequest
        {
            PlanId = TenantSetup.NewId("p"),
            Plan = new Plan { DisplayName = "Short history", Limits = { new Limit { Metric = "history_days", Value = 7 } } },
        });
        var tenant = await new TenantService.TenantServiceClient(op).CreateTenantAsync(new CreateTenantRequest
        {
            TenantId = TenantSetup.NewId(),
            Tenant = new Tenant { DisplayName = "History", Plan = plan.Name },
        });
        var type = await new EntityTypeService.EntityTypeServiceClient(op).CreateEntityTypeAsync(new CreateEntityTypeRequest
        {
            Parent = tenant.Name, EntityTypeId = "product", EntityType = Product(),
        });
        var entities = new EntityService.EntityServiceClient(op);
        var e = await entities.CreateEntityAsync(new CreateEntityRequest { Parent = type.Name, EntityId = "h", Entity = new Entity { Attributes = Attrs(("sku", S("H"))) } });
        await entities.UpdateEntityAsync(new UpdateEntityRequest { Entity = new Entity { Name = e.Name, Attributes = Attrs(("qty", S("1"))) } });
        clock.Offset = TimeSpan.FromDays(5);
        await entities.UpdateEntityAsync(new UpdateEntityRequest { Entity = new Entity { Name = e.Name, Attributes = Attrs(("qty", S("2"))) } });

        clock.Offset = TimeSpan.FromDays(8); // revisions 1 and 2 are 8 days old, 3 is 3 days old
        var retention = factory.Services.GetRequiredService<global::Platform.Infrastructure.Eav.Store.RevisionRetention>();
        Assert.Equal(2, await retention.PurgeAsync(clock.GetUtcNow().UtcDateTime, CancellationToken.None));
        var left = await entities.ListEntityRevisionsAsync(new ListEntityRevisionsRequest { Parent = e.Name });
        Assert.Equal([3L], left.Revisions.Select(r => r.Version));

        clock.Offset = TimeSpan.FromDays(30); // the latest revision is never purged
        Assert.Equal(0, await retention.PurgeAsync(clock.GetUtcNow().UtcDateTime, CancellationToken.None));
        Assert.Equal("2", (await entities.GetEntityRevisionAsync(new GetEntityRevisionRequest { Name = $"{e.Name}/revisions/3" })).Entity.Attributes.Fields["qty"].StringValue);
    }

    private sealed class ShiftedClock : TimeProvider
    {
        public TimeSpan Offset { get; set; }

        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
    }
}
