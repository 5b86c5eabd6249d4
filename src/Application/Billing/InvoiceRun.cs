using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Abstractions.Billing;

namespace Platform.Application.Billing;

/// <summary>
/// One pass over every tenant with an invoice due: pages of tenant ids, each tenant in its own DI
/// scope (a fresh unit of work, so one tenant's failure or tracked entities never touch another's).
/// Safe to run on several hosts at once: boundaries are claimed by the invoice table's unique key
/// and subscriptions advance under optimistic revisions; the background job also holds a lease.
/// </summary>
public sealed class InvoiceRun(IServiceScopeFactory scopes)
{
    public const int PageSize = 500;

    public async Task<InvoiceRunResult> RunAsync(DateTimeOffset asOf, CancellationToken ct, string? onlyTenant = null)
    {
        var scanned = 0;
        var created = 0;
        string? after = null;
        while (true)
        {
            var page = onlyTenant is null ? await DueAsync(asOf, after, ct) : [onlyTenant];
            foreach (var tenantId in page)
            {
                await using var scope = scopes.CreateAsyncScope();
                var store = scope.ServiceProvider.GetRequiredService<ISubscriptionStore>();
                if (await store.FindLatestAsync(tenantId, ct) is { } subscription)
                {
                    created += (await scope.ServiceProvider.GetRequiredService<BillingEngine>().IssueDueAsync(subscription, asOf, ct)).Created;
                }

                scanned++;
            }

            if (onlyTenant is not null || page.Count < PageSize)
            {
                return new InvoiceRunResult(scanned, created);
            }

            after = page[^1];
        }
    }

    private async Task<IReadOnlyList<string>> DueAsync(DateTimeOffset asOf, string? after, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISubscriptionStore>().DueTenantsAsync(asOf, after, PageSize, ct);
    }
}
