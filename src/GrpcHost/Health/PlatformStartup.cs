using Platform.Infrastructure.Persistence;
using Platform.Infrastructure.Security;

namespace Platform.GrpcHost.Health;

/// <summary>
/// The start-up sequence every host must finish before it serves: migrate (unless another process
/// does it) and ensure a bootstrap operator key. Idempotent and serialized, so the background
/// service and the health check can both drive it; health is SERVING only once it completed.
/// </summary>
public sealed class PlatformStartup(IServiceScopeFactory scopes, StorageOptions storage) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public bool Completed { get; private set; }

    /// <summary>True once the sequence has completed; false while the database is not ready.</summary>
    public async Task<bool> TryRunAsync(CancellationToken ct)
    {
        if (Completed)
        {
            return true;
        }

        await _gate.WaitAsync(ct);
        try
        {
            if (Completed)
            {
                return true;
            }

            await using var scope = scopes.CreateAsyncScope();
            var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
            if (storage.MigrateOnStartup)
            {
                await migrator.MigrateAsync(ct);
            }
            else if (!await migrator.IsReadyAsync(ct))
            {
                return false; // Someone else migrates (`-- migrate`); bootstrap once they have.
            }

            await scope.ServiceProvider.GetRequiredService<Infrastructure.Quota.PlanSeeder>().SeedAsync(ct);
            await scope.ServiceProvider.GetRequiredService<Infrastructure.Billing.BillingSeeder>().SeedAsync(ct);
            await scope.ServiceProvider.GetRequiredService<OperatorKeyBootstrapper>().RunAsync(ct);
            Completed = true;
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
