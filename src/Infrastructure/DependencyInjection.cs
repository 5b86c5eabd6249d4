using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Application.Abstractions.Security;
using Platform.Infrastructure.Audit;
using Platform.Infrastructure.Dns;
using Platform.Infrastructure.Security;
using Platform.Application.Abstractions;
using Platform.Infrastructure.Persistence;
using Platform.Infrastructure.Persistence.Repositories;

namespace Platform.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        services.AddSingleton(storage);

        switch (storage.Provider)
        {
            case StorageProvider.Postgres:
                var cs = configuration.GetConnectionString("Platform")
                    ?? throw new InvalidOperationException("Platform:Storage:Provider is Postgres but ConnectionStrings:Platform is not set.");
                services.AddDbContextPool<PostgresPlatformDbContext>(o => Common(o).UseNpgsql(WithAutoPrepare(cs)));
                services.AddScoped<PlatformDbContext>(sp => Scoped(sp, sp.GetRequiredService<PostgresPlatformDbContext>()));
                services.AddSingleton<Eav.Dialects.EavDialect>(Eav.Dialects.PostgresEavDialect.Instance);
                break;
            default:
                Directory.CreateDirectory(storage.DataDirectory);
                var file = Path.GetFullPath(Path.Combine(storage.DataDirectory, "platform.db"));
                // Pooling off for the file handle would cost a reopen per request; the default pool is kept.
                services.AddDbContextPool<SqlitePlatformDbContext>(o => Common(o).UseSqlite($"Data Source={file};Default Timeout=30"));
                services.AddScoped<PlatformDbContext>(sp => Scoped(sp, sp.GetRequiredService<SqlitePlatformDbContext>()));
                services.AddSingleton<Eav.Dialects.EavDialect>(Eav.Dialects.SqliteEavDialect.Instance);
                break;
        }

        services.AddScoped<IUnitOfWork, EfUnitOfWork>();
        services.AddScoped<ITenantRepository, TenantRepository>();
        services.AddScoped<IIdempotencyStore, IdempotencyStore>();
        services.AddScoped<IApiKeyRepository, ApiKeyRepository>();
        services.AddScoped<IMemberRepository, MemberRepository>();
        services.AddScoped<IRoleRepository, RoleRepository>();
        services.AddScoped<IAuditRepository, AuditRepository>();
        services.AddScoped<IPlanRepository, PlanRepository>();
        services.AddScoped<IEntityTypeRepository, EntityTypeRepository>();
        services.AddSingleton<Eav.Filtering.EavSqlTranslator>();
        services.AddScoped<Application.Abstractions.Eav.IEntityStore, Eav.Store.EntityStore>();
        services.AddScoped<Application.Abstractions.Billing.IUsageTotals, Billing.UsageTotals>();
        services.AddScoped<Billing.BillingDb>();
        services.AddScoped<Application.Abstractions.Billing.IBillingCatalog, Billing.BillingCatalog>();
        services.AddScoped<Application.Abstractions.Billing.ISubscriptionStore, Billing.SubscriptionStore>();
        services.AddScoped<Application.Abstractions.Billing.IInvoiceStore, Billing.InvoiceStore>();
        services.AddScoped<Application.Abstractions.Billing.IBillingRunLease, Billing.BillingRunLease>();
        services.TryAddSingleton<Application.Abstractions.Billing.IPaymentProvider, Billing.OfflinePaymentProvider>();
        services.AddScoped<Billing.BillingSeeder>();
        services.AddSingleton(configuration.GetSection(Billing.BillingOptions.Section).Get<Billing.BillingOptions>() ?? new Billing.BillingOptions());
        services.AddHostedService<Billing.InvoiceRunService>();
        services.AddScoped<Application.Abstractions.Eav.IEavIndexes, Eav.Indexing.EavIndexes>();
        services.AddSingleton<Eav.Indexing.EavIndexBuilder>();
        services.AddHostedService(sp => sp.GetRequiredService<Eav.Indexing.EavIndexBuilder>());
        services.AddScoped<Application.Abstractions.Quota.IQuotaOverrideRepository, QuotaOverrideRepository>();
        services.AddScoped<Application.Abstractions.Quota.IQuotaLedger, Quota.QuotaLedger>();
        services.AddScoped<Quota.PlanSeeder>();
        services.AddScoped<DatabaseMigrator>();
        services.TryAddSingleton(TimeProvider.System);

        // Per-call context, filled by the host before any handler runs; scopes every query.
        services.AddScoped<RequestContext>();
        services.AddScoped<IRequestContext>(sp => sp.GetRequiredService<RequestContext>());

        services.AddMemoryCache();
        services.AddSingleton(configuration.GetSection(CacheOptions.Section).Get<CacheOptions>() ?? new CacheOptions());
        services.AddSingleton<TenantDirectory>();
        services.AddSingleton<ITenantDirectory>(sp => sp.GetRequiredService<TenantDirectory>());
        services.AddSingleton<MemberRoles>();
        services.AddSingleton<RoleResolver>();
        services.AddSingleton<IRoleResolver>(sp => sp.GetRequiredService<RoleResolver>());
        services.TryAddSingleton<IDnsTxtResolver, DnsClientTxtResolver>();
        services.AddSingleton<Application.Abstractions.Quota.ITenantLimits, Quota.TenantLimits>();
        services.AddSingleton<Application.Abstractions.Quota.IQuotaEvents, Quota.QuotaEventRecorder>();

        services.AddSingleton(configuration.GetSection(AccessOptions.Section).Get<AccessOptions>() ?? new AccessOptions());
        services.AddSingleton<ApiKeyUsageTracker>();
        services.AddHostedService(sp => sp.GetRequiredService<ApiKeyUsageTracker>());
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<IApiKeyAuthenticator>(sp => sp.GetRequiredService<ApiKeyAuthenticator>());
        services.AddScoped<OperatorKeyBootstrapper>();

        services.AddSingleton(configuration.GetSection(AuditOptions.Section).Get<AuditOptions>() ?? new AuditOptions());
        services.AddSingleton<AuditLogWriter>();
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<AuditLogWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<AuditLogWriter>());
        services.AddSingleton(configuration.GetSection(Outbox.OutboxOptions.Section).Get<Outbox.OutboxOptions>() ?? new Outbox.OutboxOptions());
        services.AddSingleton<Outbox.OutboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<Outbox.OutboxWorker>());
        services.AddScoped<Application.Abstractions.Outbox.IOutbox, Outbox.Outbox>();
        services.AddSingleton(configuration.GetSection(Operations.OperationOptions.Section).Get<Operations.OperationOptions>() ?? new Operations.OperationOptions());
        services.AddSingleton<Operations.OperationWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<Operations.OperationWorker>());
        services.AddScoped<Application.Abstractions.Operations.IOperationStore, Operations.OperationStore>();

        // Metering: usage events, self-metered API calls (counted in memory, flushed through the outbox) and storage samples.
        var metering = configuration.GetSection(Billing.MeteringOptions.Section).Get<Billing.MeteringOptions>() ?? new Billing.MeteringOptions();
        services.AddSingleton(metering);
        services.AddSingleton(new Domain.Billing.UsageWindow(TimeSpan.FromSeconds(metering.FutureSkewSeconds), TimeSpan.FromHours(metering.GraceHours)));
        services.AddScoped<Application.Abstractions.Billing.IUsageRecorder, Billing.UsageRecorder>();
        services.AddScoped<Application.Abstractions.Billing.IUsageBuckets, Billing.UsageBuckets>();
        services.AddScoped<Application.Abstractions.Outbox.IOutboxSubscriber, Billing.ApiCallsSubscriber>();
        services.AddScoped<Application.Abstractions.Outbox.IOutboxSubscriber, Billing.StorageSampleSubscriber>();
        services.AddSingleton<Billing.ApiCallMeter>();
        services.AddSingleton<Billing.ApiCallFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<Billing.ApiCallFlusher>());
        if (Search.OpenSearch.OpenSearchRegistration.IsSelected(configuration))
        {
            Search.OpenSearch.OpenSearchRegistration.AddOpenSearchIndex(services, configuration);
        }
        else
        {
            services.AddScoped<Application.Abstractions.Search.ISearchIndex, Search.SearchIndex>();
        }

        services.AddScoped<Application.Abstractions.Search.ISynonymSetRepository, Search.SynonymSetRepository>();
        services.AddSingleton<Eav.Store.RevisionRetention>();
        services.AddSingleton<HousekeepingService>();
        services.AddHostedService(sp => sp.GetRequiredService<HousekeepingService>());
        services.AddScoped<Application.Abstractions.Billing.IWalletStore, Billing.WalletStore>();
        services.AddSingleton(configuration.GetSection(Billing.WalletOptions.Section).Get<Billing.WalletOptions>() ?? new Billing.WalletOptions());
        services.AddSingleton<Billing.PrepaidGate>();
        services.AddSingleton<Application.Abstractions.Billing.IPrepaidGate>(sp => sp.GetRequiredService<Billing.PrepaidGate>());
        services.AddHostedService(sp => sp.GetRequiredService<Billing.PrepaidGate>());
        services.AddSingleton<AuditRetentionService>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditRetentionService>());
        return services;
    }

    /// <summary>
    /// Hot statements (entity lists and gets above all) are prepared on each pooled connection
    /// after their second use, so PostgreSQL skips planning — with dozens of partial indexes on the
    /// entities table, planning costs more than executing. An explicit setting wins.
    /// </summary>
    private static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = 256;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    // Pooled contexts outlive scopes: bind each lease to the current call's tenant.
    private static PlatformDbContext Scoped(IServiceProvider sp, PlatformDbContext db)
    {
        db.RequestContext = sp.GetRequiredService<IRequestContext>();
        return db;
    }

    // Unique violations are expected outcomes (mapped to ALREADY_EXISTS); real failures are
    // logged once by the host's exception interceptor. EF's own error log would double them.
    private static DbContextOptionsBuilder Common(DbContextOptionsBuilder o) =>
        o.ConfigureWarnings(w => w.Log((Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed, Microsoft.Extensions.Logging.LogLevel.Debug)));
}
