using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Infrastructure.Persistence;
using Platform.Integration.Tests.Infrastructure;

namespace Platform.Integration.Tests.Billing;

/// <summary>
/// TEST SET-UP ONLY: writes usage_events rows straight into the usage store, standing in for
/// RecordUsageEvents (built on the metering branch) until the integrator adds the end-to-end test.
/// </summary>
public static class UsageRows
{
    public static async Task InsertAsync(HostFixture fx, string tenantId, string metric, string quantity, DateTimeOffset at)
    {
        await using var scope = fx.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        var micros = (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO usage_events (tenant_id, idempotency_key, metric, quantity, event_time, properties, payload_hash, record_time) " +
            "VALUES ({0}, {1}, {2}, {3}, {4}, NULL, 'test', {4})",
            tenantId, Guid.NewGuid().ToString("N"), metric, quantity, micros);
    }
}
