using Grpc.AspNetCore.Web;
using Prometheus;
using Platform.GrpcHost.Services;

namespace Platform.GrpcHost.Composition;

internal static class PlatformEndpoints
{
    public static WebApplication MapPlatform(this WebApplication app)
    {
        app.UseCors(PlatformServices.CorsPolicy);
        app.UseGrpcWeb(new GrpcWebOptions { DefaultEnabled = true });

        app.MapGrpcService<TenantGrpcService>();
        app.MapGrpcService<AccessGrpcService>();
        app.MapGrpcService<AuditGrpcService>();
        app.MapGrpcService<PlanGrpcService>();
        app.MapGrpcService<QuotaGrpcService>();
        app.MapGrpcService<EntityTypeGrpcService>();
        app.MapGrpcService<EntityGrpcService>();
        app.MapGrpcService<SearchGrpcService>();
        app.MapGrpcService<OperationGrpcService>();
        app.MapGrpcService<WalletGrpcService>();
        app.MapGrpcService<UsageGrpcService>();
        app.MapGrpcService<CatalogGrpcService>();
        app.MapGrpcService<SubscriptionGrpcService>();
        app.MapGrpcService<InvoiceGrpcService>();
        app.MapGrpcReflectionService();
        app.MapGrpcHealthChecksService();
        app.MapHealthChecks("/healthz");
        app.MapMetrics("/metrics");
        return app;
    }
}
