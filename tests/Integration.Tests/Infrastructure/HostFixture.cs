extern alias host;

using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Grpc.Net.Client.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Tenancy.V1;

namespace Platform.Integration.Tests.Infrastructure;

/// <summary>
/// One Platform host (the real Program, in-process via TestServer) on one fresh database, shared by
/// the tests of a class. Subclasses choose the storage provider; the tests are the same.
/// </summary>
public abstract class HostFixture : IAsyncLifetime
{
    private WebApplicationFactory<host::Program>? _factory;

    public abstract string Provider { get; }

    public WebApplicationFactory<host::Program> Factory => _factory ?? throw new InvalidOperationException("Not initialized.");

    public GrpcChannel Channel { get; private set; } = null!;

    public GrpcChannel GrpcWebChannel { get; private set; } = null!;

    public HttpClient Rest { get; private set; } = null!;

    /// <summary>The bootstrap operator key every host of this fixture is started with.</summary>
    public string OperatorKey { get; } = Platform.Domain.Access.ApiKeySecret.Generate();

    /// <summary>Calls as the operator (gRPC).</summary>
    public CallInvoker Operator => WithCredential(Channel, OperatorKey);

    /// <summary>Calls as the operator over gRPC-Web.</summary>
    public CallInvoker GrpcWebOperator => WithCredential(GrpcWebChannel, OperatorKey);

    public TenantService.TenantServiceClient Tenants => new(Operator);

    /// <summary>Calls with <c>authorization: Bearer {credential}</c> (an API key or a JWT).</summary>
    public CallInvoker As(string credential) => WithCredential(Channel, credential);

    /// <summary>A channel whose requests carry <paramref name="host"/> as :authority / Host (subdomain and custom-domain resolution).</summary>
    public GrpcChannel ChannelForHost(string host) =>
        GrpcChannel.ForAddress(new Uri($"http://{host}"), new GrpcChannelOptions { HttpHandler = Factory.Server.CreateHandler() });

    /// <summary>An HttpClient for REST with the given credential (null: anonymous).</summary>
    public HttpClient RestAs(string? credential)
    {
        var client = Factory.CreateClient();
        if (credential is not null)
        {
            client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", credential);
        }

        return client;
    }

    public static CallInvoker WithCredential(ChannelBase channel, string credential) =>
        channel.Intercept(metadata =>
        {
            metadata.Add("authorization", $"Bearer {credential}");
            return metadata;
        });

    public CapturedLogs Logs { get; } = new();

    /// <summary>Configuration for a brand-new, empty database of this provider.</summary>
    public abstract ValueTask<Dictionary<string, string?>> NewDatabaseAsync();

    /// <summary>The settings of this fixture's own database (for sibling hosts sharing it).</summary>
    private Dictionary<string, string?> _settings = [];

    /// <summary>Rate-limit keys of this fixture's hosts, so fixtures sharing one Redis never share counters.</summary>
    public string RateLimitKeyPrefix { get; } = $"t{Guid.NewGuid():N}:";

    public async ValueTask InitializeAsync()
    {
        _settings = await NewDatabaseAsync();
        _factory = CreateFactory(_settings);
        Channel = GrpcChannel.ForAddress(Factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Factory.Server.CreateHandler() });
        GrpcWebChannel = GrpcChannel.ForAddress(Factory.Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new GrpcWebHandler(GrpcWebMode.GrpcWeb, Factory.Server.CreateHandler()),
            HttpVersion = new Version(1, 1),
        });
        Rest = RestAs(OperatorKey);
        await WaitUntilServingAsync(Channel);
    }

    /// <summary>A second host on its own new database, with extra settings and service overrides.</summary>
    public async Task<WebApplicationFactory<host::Program>> CreateIsolatedHostAsync(
        Dictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null)
    {
        var settings = await NewDatabaseAsync();
        foreach (var (k, v) in extra ?? [])
        {
            settings[k] = v;
        }

        return CreateFactory(settings, services);
    }

    /// <summary>Another host on this fixture's database (and Redis): several hosts serving one platform.</summary>
    public WebApplicationFactory<host::Program> CreateSiblingHost(Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>(_settings);
        foreach (var (k, v) in extra ?? [])
        {
            settings[k] = v;
        }

        return CreateFactory(settings);
    }

    public static GrpcChannel ChannelFor(WebApplicationFactory<host::Program> factory) =>
        GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() });

    public static async Task WaitUntilServingAsync(GrpcChannel channel)
    {
        var health = new Health.HealthClient(channel);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var status = (await health.CheckAsync(new HealthCheckRequest())).Status;
            if (status == HealthCheckResponse.Types.ServingStatus.Serving)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Host did not become healthy (last status {status}).");
            }

            await Task.Delay(100);
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        Channel?.Dispose();
        GrpcWebChannel?.Dispose();
        Rest?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private WebApplicationFactory<host::Program> CreateFactory(Dictionary<string, string?> settings, Action<IServiceCollection>? services = null) =>
        new WebApplicationFactory<host::Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Platform:Bootstrap:OperatorKey", OperatorKey);
            b.UseSetting("Platform:BaseDomain", "platform.test");
            b.UseSetting("Platform:Access:LastUsedFlushSeconds", "1");
            b.UseSetting("Platform:Audit:FlushMilliseconds", "50");
            b.UseSetting("Platform:RateLimiting:KeyPrefix", RateLimitKeyPrefix);
            b.UseSetting("Platform:RateLimiting:HostsKey", RateLimitKeyPrefix + "hosts");
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }

            b.ConfigureLogging(l => l.AddProvider(Logs));
            if (services is not null)
            {
                b.ConfigureTestServices(services);
            }
        });
}
