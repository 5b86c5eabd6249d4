using Grpc.AspNetCore.Server;
using Mediator;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Platform.Application;
using Platform.Application.Common;
using Platform.GrpcHost.Errors;
using Platform.GrpcHost.Health;
using Platform.GrpcHost.Interceptors;
using Platform.GrpcHost.Observability;
using Platform.Infrastructure;

namespace Platform.GrpcHost.Composition;

internal static class PlatformServices
{
    public static IServiceCollection AddPlatform(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddMediator((MediatorOptions o) =>
        {
            o.Assemblies = [typeof(AssemblyMarker)];
            o.ServiceLifetime = ServiceLifetime.Scoped;
            o.PipelineBehaviors = [typeof(ValidationBehavior<,>)];
        });
        services.AddApplication();
        services.AddInfrastructure(configuration);

        services.AddGrpc(o =>
        {
            // Order matters: telemetry sees the final status, including the INTERNAL made below it.
            o.Interceptors.Add<TelemetryInterceptor>();
            o.Interceptors.Add<ExceptionInterceptor>();
        }).AddJsonTranscoding(o =>
        {
            o.JsonSettings.WriteInt64sAsStrings = true;
            // REST error bodies are the JSON google.rpc.Status; its Any details need their types.
            o.TypeRegistry = ErrorMapper.DetailTypes;
        });
        services.AddGrpcReflection();
        services.AddSingleton<DatabaseHealthCheck>();
        services.AddGrpcHealthChecks(o => o.Services.Map("", _ => true))
            .AddCheck<DatabaseHealthCheck>("database");
        services.AddHostedService<StartupMigrationService>();

        services.AddSingleton<RpcMetrics>();
        AddOpenTelemetry(services, configuration);
        return services;
    }

    private static void AddOpenTelemetry(IServiceCollection services, IConfiguration configuration)
    {
        // Traces are only collected when there is somewhere to send them (standard OTLP env var).
        var otlp = configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var otel = services.AddOpenTelemetry()
            .WithMetrics(m => m.AddMeter(RpcMetrics.MeterName).AddAspNetCoreInstrumentation());
        if (!string.IsNullOrEmpty(otlp))
        {
            otel.WithTracing(t => t.AddAspNetCoreInstrumentation().AddOtlpExporter());
            otel.WithMetrics(m => m.AddOtlpExporter());
        }
    }
}
