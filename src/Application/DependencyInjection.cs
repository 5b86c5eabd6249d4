using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        services.AddScoped<Abstractions.Operations.IOperationRunner, Search.SearchReindexer>();
        services.AddScoped<Billing.Wallets.WalletWriter>();
        services.AddScoped<Abstractions.Billing.IWalletConsumption, Billing.Wallets.WalletConsumption>();
        services.AddScoped<Billing.TenantCalendars>();
        services.AddScoped<Billing.BillingEngine>();
        services.AddScoped<Billing.WalletCredits>();
        services.AddSingleton<Billing.InvoiceRun>();
        // Usage and prepaid calls are priced by the subscription's pinned version (seeded price without one).
        services.AddScoped<Billing.SubscriptionPricing>();
        services.AddScoped<Abstractions.Billing.IUsagePricing>(sp => sp.GetRequiredService<Billing.SubscriptionPricing>());
        services.TryAddScoped<Abstractions.Billing.ICallPricing>(sp => sp.GetRequiredService<Billing.SubscriptionPricing>());
        return services;
    }
}
