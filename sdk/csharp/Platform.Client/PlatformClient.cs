using System.Diagnostics.CodeAnalysis;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Platform.Tenancy.V1;

namespace Platform.Client;

/// <summary>
/// One connection to Platform with credentials and idempotency keys applied to every call.
/// Create one per process and share it: the underlying channel multiplexes concurrent calls and
/// is expensive to create.
/// </summary>
public sealed class PlatformClient : IDisposable
{
    private readonly GrpcChannel _channel;

    /// <summary>Opens a channel to <see cref="PlatformClientOptions.Address"/>.</summary>
    /// <exception cref="InvalidOperationException">The options are incomplete or contradictory.</exception>
    public PlatformClient(PlatformClientOptions options)
    {
        var address = ChannelSetup.Validate(options);
        _channel = GrpcChannel.ForAddress(address, ChannelSetup.ChannelOptions(options));
        CallInvoker = _channel.Intercept(new CredentialsInterceptor(options), new RequestIdInterceptor());
        Tenants = new TenantService.TenantServiceClient(CallInvoker);
    }

    /// <summary>The intercepted invoker every client of this instance uses.</summary>
    public CallInvoker CallInvoker { get; }

    /// <summary>Tenant lifecycle (platform.tenancy.v1.TenantService).</summary>
    public TenantService.TenantServiceClient Tenants { get; }

    /// <summary>
    /// Any generated client on this connection, for services without a dedicated property yet,
    /// e.g. <c>client.CreateClient&lt;FooService.FooServiceClient&gt;()</c>.
    /// </summary>
    public TClient CreateClient<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TClient>()
        where TClient : ClientBase =>
        // Every generated client has a public (CallInvoker) constructor.
        (TClient)Activator.CreateInstance(typeof(TClient), CallInvoker)!;

    /// <summary>Closes the channel; calls in flight are cancelled.</summary>
    public void Dispose() => _channel.Dispose();
}
