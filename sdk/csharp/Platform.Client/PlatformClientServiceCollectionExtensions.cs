using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Platform.Tenancy.V1;

namespace Platform.Client;

/// <summary>Registers Platform clients with dependency injection.</summary>
public static class PlatformClientServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="PlatformClientOptions"/>, a singleton <see cref="PlatformClient"/>, and
    /// every generated service client (e.g. <see cref="TenantService.TenantServiceClient"/>) through
    /// the gRPC client factory, all sharing the same options, credentials and idempotency keys.
    /// </summary>
    public static IServiceCollection AddPlatformClient(this IServiceCollection services, Action<PlatformClientOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<PlatformClientOptions>().Configure(configure);
        services.TryAddSingleton(sp => new PlatformClient(Options(sp)));
        services.AddPlatformServiceClient<TenantService.TenantServiceClient>();
        return services;
    }

    /// <summary>
    /// Registers one generated client with the gRPC client factory, configured from
    /// <see cref="PlatformClientOptions"/>. Use it for services this SDK version has no dedicated
    /// registration for; the returned builder allows further configuration (e.g. resilience handlers).
    /// </summary>
    public static IHttpClientBuilder AddPlatformServiceClient<TClient>(this IServiceCollection services)
        where TClient : ClientBase
    {
        ArgumentNullException.ThrowIfNull(services);
        return services
            .AddGrpcClient<TClient>((sp, factory) => factory.Address = ChannelSetup.Validate(Options(sp)))
            // The factory's default primary handler is a SocketsHttpHandler; replace it only when the
            // options call for a caller-supplied transport or gRPC-Web.
            .ConfigurePrimaryHttpMessageHandler(sp =>
                ChannelSetup.CreateHandler(Options(sp), out _) ?? new SocketsHttpHandler { EnableMultipleHttp2Connections = true })
            .ConfigureChannel((sp, channel) => ChannelSetup.Configure(channel, Options(sp)))
            .AddInterceptor(sp => new CredentialsInterceptor(Options(sp)))
            .AddInterceptor(() => new RequestIdInterceptor());
    }

    private static PlatformClientOptions Options(IServiceProvider services) =>
        services.GetRequiredService<IOptions<PlatformClientOptions>>().Value;
}
