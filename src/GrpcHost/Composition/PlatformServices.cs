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
using Platform.GrpcHost.Security;
using Platform.Infrastructure;
using Platform.Infrastructure.RateLimiting;

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
        services.AddPlatformRateLimiting(configuration);

        services.AddGrpc(o =>
        {
            // Outermost first: telemetry sees the final status (and makes INTERNAL of anything
            // unexpected); authorization (with audit) runs before every handler.
            o.Interceptors.Add<TelemetryInterceptor>();
            o.Interceptors.Add<AuthorizationInterceptor>();
        }).AddJsonTranscoding(o =>
        {
            o.JsonSettings.WriteInt64sAsStrings = true;
            // REST error bodies are the JSON google.rpc.Status; its Any details need their types.
            // Operations carry their metadata and response in Any too.
            o.TypeRegistry = Google.Protobuf.Reflection.TypeRegistry.FromMessages(
                [.. ErrorMapper.DetailDescriptors, .. Mapping.OperationMapper.PayloadTypes]);
        });
        services.AddGrpcReflection();
        services.AddSingleton<PlatformStartup>();
        services.AddSingleton<DatabaseHealthCheck>();
        services.AddGrpcHealthChecks(o => o.Services.Map("", _ => true))
            .AddCheck<DatabaseHealthCheck>("database");
        services.AddHostedService<StartupMigrationService>();

        services.AddSingleton<RpcMetrics>();
        AddCors(services, configuration);
        AddSecurity(services, configuration);
        AddOpenTelemetry(services, configuration);
        return services;
    }

    public const string CorsPolicy = "grpc-web";

    /// <summary>
    /// Browsers on the origins in <c>Platform:Cors:Origins</c> may call REST and gRPC-Web; gRPC
    /// status headers are exposed so clients can read errors. No origin is allowed by default.
    /// </summary>
    private static void AddCors(IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection("Platform:Cors:Origins").Get<string[]>() ?? [];
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p
            .WithOrigins(origins)
            .AllowAnyMethod()
            .WithHeaders("authorization", "x-api-key", "content-type", "x-grpc-web", "x-user-agent", "grpc-timeout")
            .WithExposedHeaders("grpc-status", "grpc-message", "grpc-status-details-bin", "ratelimit", "ratelimit-policy", "retry-after")));
    }

    private static void AddSecurity(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<MethodPolicies>();
        services.AddSingleton<CallAuthenticator>();
        services.AddSingleton<TenantResolver>();
        services.AddSingleton<AuditRecorder>();
        services.AddSingleton(configuration.GetSection(RateLimiting.OperatorLimitOptions.Section).Get<RateLimiting.OperatorLimitOptions>()
            ?? new RateLimiting.OperatorLimitOptions());
        services.AddSingleton<RateLimiting.CallLimiter>();
        services.AddSingleton<Billing.PrepaidCalls>();

        var issuers = configuration.GetSection("Platform:Auth:Jwt:Issuers").Get<List<JwtIssuerOptions>>() ?? [];
        services.AddSingleton(new JwtIssuers(issuers));
        if (issuers.Count == 0)
        {
            // Registering authentication makes the host insert its middleware into every request;
            // API keys are verified in the interceptor, so without issuers nothing needs it.
            return;
        }

        var authentication = services.AddAuthentication();
        for (var i = 0; i < issuers.Count; i++)
        {
            var issuer = issuers[i];
            authentication.AddJwtBearer(JwtIssuers.SchemeFor(i), o =>
            {
                o.MapInboundClaims = false;
                o.RequireHttpsMetadata = issuer.RequireHttpsMetadata;
                o.MetadataAddress = issuer.MetadataAddress ?? $"{issuer.Issuer.TrimEnd('/')}/.well-known/openid-configuration";
                o.TokenValidationParameters = new Microsoft.IdentityModel.Tokens.TokenValidationParameters
                {
                    ValidIssuer = issuer.Issuer,
                    ValidAudience = issuer.Audience,
                    ValidateAudience = !string.IsNullOrEmpty(issuer.Audience),
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        }
    }

    private static void AddOpenTelemetry(IServiceCollection services, IConfiguration configuration)
    {
        // Traces and OTel metrics are collected only when there is somewhere to send them (the
        // standard OTLP variable): an unexported MeterProvider still aggregates on every request.
        // The Prometheus scrape on /metrics works either way.
        if (!string.IsNullOrEmpty(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            services.AddOpenTelemetry()
                .WithTracing(t => t.AddAspNetCoreInstrumentation().AddOtlpExporter())
                .WithMetrics(m => m.AddMeter(RpcMetrics.MeterName, RateLimitingMetrics.MeterName).AddAspNetCoreInstrumentation().AddOtlpExporter());
        }
    }
}
