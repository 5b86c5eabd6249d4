using Microsoft.Extensions.DependencyInjection;
using Platform.Audit.V1;
using Platform.Integration.Tests.Infrastructure;
using Platform.Tenancy.V1;

namespace Platform.Integration.Tests.Audit;

public sealed class SqliteAuditRetentionTests(SqliteHostFixture fx) : AuditRetentionTests<SqliteHostFixture>(fx);

public sealed class PostgresAuditRetentionTests(PostgresHostFixture fx) : AuditRetentionTests<PostgresHostFixture>(fx);

/// <summary>Retention follows the tenant's tier: a zero-day tier loses its events, a long one keeps them.</summary>
public abstract class AuditRetentionTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    [Fact]
    public async Task Events_are_kept_per_tier()
    {
        await using var factory = await fx.CreateIsolatedHostAsync(new()
        {
            ["Platform:Audit:RetentionDays:Free"] = "0",
            ["Platform:Audit:RetentionDays:Vip"] = "90",
        });
        using var channel = HostFixture.ChannelFor(factory);
        await HostFixture.WaitUntilServingAsync(channel);
        var op = HostFixture.WithCredential(channel, fx.OperatorKey);
        var tenants = new TenantService.TenantServiceClient(op);
        var free = await tenants.CreateTenantAsync(new CreateTenantRequest { TenantId = TenantSetup.NewId(), Tenant = new Tenant { DisplayName = "f", Tier = Tenant.Types.Tier.Free } });
        var vip = await tenants.CreateTenantAsync(new CreateTenantRequest { TenantId = TenantSetup.NewId(), Tenant = new Tenant { DisplayName = "v", Tier = Tenant.Types.Tier.Vip } });
        await tenants.SuspendTenantAsync(new SuspendTenantRequest { Name = free.Name });
        await tenants.SuspendTenantAsync(new SuspendTenantRequest { Name = vip.Name });

        var audit = new AuditService.AuditServiceClient(op);
        await WaitForEventsAsync(audit, free.Name);
        await WaitForEventsAsync(audit, vip.Name);
        await Task.Delay(50); // strictly older than "now" for the zero-day tier

        var deleted = await factory.Services.GetRequiredService<global::Platform.Infrastructure.Audit.AuditRetentionService>().PurgeAsync(CancellationToken.None);

        Assert.True(deleted >= 1);
        Assert.Empty((await audit.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = free.Name })).AuditEvents);
        Assert.NotEmpty((await audit.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = vip.Name })).AuditEvents);
    }

    private static async Task WaitForEventsAsync(AuditService.AuditServiceClient audit, string parent)
    {
        for (var i = 0; i < 100; i++)
        {
            if ((await audit.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = parent })).AuditEvents.Count > 0)
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No audit events for {parent}.");
    }
}
