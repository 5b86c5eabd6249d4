using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Application;
using Platform.Application.Billing;
using Platform.Infrastructure;
using Platform.Infrastructure.Billing;
using Platform.Infrastructure.Persistence;

// Usage: BillingBench [tenants=10000] [events-per-tenant=5]; env BENCH_POSTGRES=<connection string> for PostgreSQL (an empty database),
// otherwise a fresh SQLite file in a temp directory.
var tenants = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10_000;
var eventsPerTenant = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var postgres = Environment.GetEnvironmentVariable("BENCH_POSTGRES");
var dataDir = Path.Combine(Path.GetTempPath(), "billing-bench-" + Guid.NewGuid().ToString("N")[..8]);
var settings = new Dictionary<string, string?>
{
    ["Platform:Storage:Provider"] = postgres is null ? "Sqlite" : "Postgres",
    ["Platform:Storage:DataDirectory"] = dataDir,
    ["ConnectionStrings:Platform"] = postgres,
};
var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
var services = new ServiceCollection().AddLogging(b => b.SetMinimumLevel(LogLevel.Warning)).AddApplication().AddInfrastructure(configuration);
await using var provider = services.BuildServiceProvider();

await using (var scope = provider.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(default);
    await scope.ServiceProvider.GetRequiredService<BillingSeeder>().SeedAsync(default);
}

Console.WriteLine($"provider={(postgres is null ? "sqlite" : "postgres")} tenants={tenants} usage_events/tenant={eventsPerTenant}");
var setup = Stopwatch.StartNew();
await Setup.WriteAsync(provider, tenants, eventsPerTenant);
Console.WriteLine($"setup (SQL inserts): {setup.Elapsed.TotalSeconds:F1} s");

GC.Collect();
var before = GC.GetTotalAllocatedBytes(precise: true);
var process = Process.GetCurrentProcess();
process.Refresh();
var peakBefore = process.PeakWorkingSet64;
var clock = Stopwatch.StartNew();
var result = await provider.GetRequiredService<InvoiceRun>().RunAsync(Setup.Boundary, default);
clock.Stop();
process.Refresh();
Console.WriteLine($"invoice run: {result.InvoicesCreated} invoices for {result.TenantsScanned} tenants in {clock.Elapsed.TotalSeconds:F2} s " +
    $"({result.InvoicesCreated / clock.Elapsed.TotalSeconds:F0} invoices/s, {clock.Elapsed.TotalMilliseconds / Math.Max(1, result.InvoicesCreated):F2} ms each)");
Console.WriteLine($"memory: peak working set {process.PeakWorkingSet64 / 1048576.0:F0} MiB (before run {peakBefore / 1048576.0:F0} MiB), " +
    $"managed heap now {GC.GetTotalMemory(false) / 1048576.0:F0} MiB, allocated during run {(GC.GetTotalAllocatedBytes(true) - before) / 1048576.0:F0} MiB");

var again = Stopwatch.StartNew();
var rerun = await provider.GetRequiredService<InvoiceRun>().RunAsync(Setup.Boundary, default);
Console.WriteLine($"second run at the same instant: {rerun.InvoicesCreated} invoices, {rerun.TenantsScanned} tenants due, {again.Elapsed.TotalSeconds:F2} s");
if (result.InvoicesCreated != tenants || rerun.InvoicesCreated != 0)
{
    Console.Error.WriteLine("Unexpected invoice counts.");
    return 1;
}

if (postgres is null)
{
    Directory.Delete(dataDir, recursive: true);
}

return 0;

/// <summary>Subscriptions already past their first invoice, due at <see cref="Boundary"/>, with usage in the period, written with SQL.</summary>
internal static class Setup
{
    public static readonly DateTimeOffset Opened = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Boundary = new(2030, 2, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task WriteAsync(IServiceProvider provider, int tenants, int eventsPerTenant)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PlatformDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        var plans = new[] { "free", "basic", "pro", "enterprise" };
        for (var i = 0; i < tenants; i++)
        {
            var tenant = $"bench{i:D6}";
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO billing_subscriptions (tenant_id, subscription_id, status, plan_id, price_version, commitment_term, commitment_start, commitment_end, " +
                "start_time, billing_start, time_zone, anchor_day, anchor_month, interval_months, opened_boundary, next_boundary, end_time, credit_balance, revision, create_time) " +
                "VALUES ({0}, {1}, 2, {2}, 1, NULL, NULL, NULL, {3}, {3}, 'UTC', 1, 1, 1, {3}, {4}, NULL, '0', 1, {3})",
                tenant, "sub-" + tenant, plans[i % plans.Length], Micros(Opened), Micros(Boundary));
            for (var e = 0; e < eventsPerTenant; e++)
            {
                await db.Database.ExecuteSqlRawAsync(
                    "INSERT INTO usage_events (tenant_id, idempotency_key, metric, quantity, event_time, properties, payload_hash, record_time) " +
                    "VALUES ({0}, {1}, 'api_calls', {2}, {3}, NULL, 'bench', {3})",
                    tenant, $"e{e}", (1000 * (e + 1)).ToString(CultureInfo.InvariantCulture), Micros(Opened.AddDays(e + 1)));
            }
        }

        await tx.CommitAsync();
    }

    private static long Micros(DateTimeOffset t) => (t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / 10;
}
