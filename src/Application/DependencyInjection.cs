using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Tenancy;

namespace Platform.Application;

public static class DependencyInjection
{
    /// <summary>Registers application services other than the mediator (the host generates that).</summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddScoped<TenantTransition>();
        services.AddScoped<Quota.QuotaReader>();
        services.AddScoped<Quota.Allocations>();
        services.AddScoped<Eav.Entities.EntityCreator>();
        services.AddScoped<Eav.Entities.EntityChanger>();
        services.AddScoped<Abstractions.Outbox.IOutboxSubscriber, Search.SearchIndexer>();
        services.AddScoped<Billing.BillingEngine>();
        services.AddSingleton<Billing.InvoiceRun>();
        return services;
    }
}
