extern alias host;

using System.Reflection;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Abstractions.Security;
using Platform.Application.Eav.Entities;
using Platform.Domain.Access;

namespace Platform.Bench.EavBench;

/// <summary>A measured call: what the bench times, and the ids of the entities it returned (for the cross-checks).</summary>
internal interface ITarget : IAsyncDisposable
{
    ValueTask<IReadOnlyList<string>> RunAsync(Operation op, Variant v, CancellationToken ct);
}

/// <summary>
/// The platform's server side without gRPC: the host's own service registrations
/// (<c>PlatformServices.AddPlatform</c>, internal to the host, called by reflection so nothing in
/// src/ changes for the bench) in a plain service provider — no Kestrel, no hosted services — and
/// each call sent through the source-generated mediator in a fresh scope whose request context
/// holds the big tenant's API-key principal, as the host's authorization interceptor fills it.
/// What is timed is therefore: scope, validation behaviour, handler (type load, filter binding,
/// SQL translation, PostgreSQL round trips, materialisation) — everything but authentication,
/// interceptors, protobuf mapping and HTTP/2.
/// </summary>
internal sealed class HandlerHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly Principal _principal;
    private readonly string _tenant;

    public HandlerHost(string postgresConnection, string tenant)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platform:Storage:Provider"] = "Postgres",
            ["ConnectionStrings:Platform"] = postgresConnection,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        var composition = typeof(host::Program).Assembly.GetType("Platform.GrpcHost.Composition.PlatformServices", throwOnError: true)!;
        var addPlatform = composition.GetMethod("AddPlatform", BindingFlags.Public | BindingFlags.Static)
            ?? throw new MissingMethodException("Platform.GrpcHost.Composition.PlatformServices.AddPlatform");
        addPlatform.Invoke(null, [services, configuration]);
        _services = services.BuildServiceProvider();
        _tenant = tenant;
        _principal = new Principal("apiKeys/eav-bench-handler", PrincipalKind.TenantApiKey, tenant, Permissions.TenantGrantable);
    }

    public ITarget Client() => new Target(this);

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private async ValueTask<T> SendAsync<T>(Func<IMediator, ValueTask<T>> send)
    {
        await using var scope = _services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<RequestContext>();
        context.Principal = _principal;
        context.TenantId = _tenant;
        return await send(scope.ServiceProvider.GetRequiredService<IMediator>());
    }

    private sealed class Target(HandlerHost host) : ITarget
    {
        private readonly string _typeName = PlatformApi.TypeName(host._tenant);

        public async ValueTask<IReadOnlyList<string>> RunAsync(Operation op, Variant v, CancellationToken ct)
        {
            switch (op)
            {
                case Operation.Q1 or Operation.Q2 or Operation.Q3:
                    var query = new ListEntitiesQuery(_typeName, Workload.PageSize, null, Workload.Filter(op, v), Workload.OrderBy(op), [], false, false);
                    var page = await host.SendAsync(m => m.Send(query, ct));
                    return page.IsSuccess ? [.. page.Value.Entities.Select(e => e.Entity.Id)] : throw Failed(op, page.Error!);
                case Operation.Get:
                    var got = await host.SendAsync(m => m.Send(new GetEntityQuery($"{_typeName}/entities/{v.Id}"), ct));
                    return got.IsSuccess ? [got.Value.Entity.Id] : throw Failed(op, got.Error!);
                case Operation.Update:
                    var json = $"{{\"qty\":\"{v.NewQty}\"}}";
                    var command = new UpdateEntityCommand($"{_typeName}/entities/{v.Id}", null, json, ["attributes.qty"], null);
                    var updated = await host.SendAsync(m => m.Send(command, ct));
                    return updated.IsSuccess ? [updated.Value.Entity.Id] : throw Failed(op, updated.Error!);
                default:
                    throw new ArgumentOutOfRangeException(nameof(op));
            }
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;

        private static InvalidOperationException Failed(Operation op, Domain.Common.Error error) =>
            new($"handler {op}: {error.Reason}: {error.Message} {string.Join("; ", error.Violations.Select(x => $"{x.Field}: {x.Description}"))}");
    }
}
