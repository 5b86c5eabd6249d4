using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Abstractions.Outbox;
using Platform.Application.Abstractions.Security;
using Platform.Eav.V1;
using Platform.Integration.Tests.Infrastructure;
using Platform.Tenancy.V1;
using static Platform.Integration.Tests.Eav.EntityWorld;

namespace Platform.Integration.Tests.Outbox;

public sealed class SqliteOutboxTests(SqliteHostFixture fx) : OutboxTests<SqliteHostFixture>(fx);

public sealed class PostgresOutboxTests(PostgresHostFixture fx) : OutboxTests<PostgresHostFixture>(fx);

/// <summary>
/// The shared outbox: messages commit with the change that caused them, are delivered in the
/// tenant's context, retried with backoff, and parked with their error after the attempt limit.
/// </summary>
public abstract class OutboxTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Platform:Outbox:PollMilliseconds"] = "50",
        ["Platform:Outbox:BaseDelayMilliseconds"] = "20",
        ["Platform:Outbox:MaxAttempts"] = "3",
    };

    [Fact]
    public async Task Entity_writes_reach_handlers_once_in_the_tenants_context_and_rolled_back_writes_never_do()
    {
        var seen = new Recorder();
        await using var factory = await fx.CreateIsolatedHostAsync(FastRetries, s => s.AddSingleton(seen).AddScoped<IOutboxSubscriber, RecordingHandler>());
        using var channel = HostFixture.ChannelFor(factory);
        await HostFixture.WaitUntilServingAsync(channel);
        var op = HostFixture.WithCredential(channel, fx.OperatorKey);
        var tenant = await new TenantService.TenantServiceClient(op).CreateTenantAsync(new CreateTenantRequest { TenantId = TenantSetup.NewId(), Tenant = new Tenant { DisplayName = "o" } });
        var type = await new EntityTypeService.EntityTypeServiceClient(op).CreateEntityTypeAsync(new CreateEntityTypeRequest
        {
            Parent = tenant.Name, EntityTypeId = "product", EntityType = Product(),
        });
        var entities = new EntityService.EntityServiceClient(op);
        await entities.CreateEntityAsync(new CreateEntityRequest { Parent = type.Name, EntityId = "one", Entity = new Entity { Attributes = Attrs(("sku", S("O-1"))) } });
        await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => entities.CreateEntityAsync(new CreateEntityRequest
        {
            Parent = type.Name, EntityId = "two", Entity = new Entity { Attributes = Attrs(("sku", S("O-1"))) }, // unique value taken: rolled back
        }).ResponseAsync);
        await entities.UpdateEntityAsync(new UpdateEntityRequest { Entity = new Entity { Name = $"{type.Name}/entities/one", Attributes = Attrs(("qty", S("4"))) } });

        await EventuallyAsync(() => seen.Deliveries.Count >= 2, "two deliveries");
        await Task.Delay(300); // nothing more may arrive
        Assert.Equal(2, seen.Deliveries.Count);
        Assert.All(seen.Deliveries, d => Assert.Equal((tenant.TenantId, "[\"one\"]"), (d.ContextTenant, d.Ids)));
        Assert.Equal(0, await PendingAsync(factory.Services));
    }

    [Fact]
    public async Task Failing_messages_are_retried_with_backoff_then_parked_with_their_error()
    {
        var seen = new Recorder();
        await using var factory = await fx.CreateIsolatedHostAsync(FastRetries, s => s.AddSingleton(seen).AddScoped<IOutboxSubscriber, FlakyHandler>());
        using var channel = HostFixture.ChannelFor(factory);
        await HostFixture.WaitUntilServingAsync(channel);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            await outbox.EnqueueAsync([new OutboxMessage("acme", FlakyHandler.Name, "recovers"), new OutboxMessage("acme", FlakyHandler.Name, "never")], CancellationToken.None);
            outbox.Wake();
        }

        await EventuallyAsync(() => seen.Attempts("never") >= 3 && seen.Attempts("recovers") >= 2, "the retries");
        await Task.Delay(300);
        Assert.Equal(2, seen.Attempts("recovers")); // failed once, then delivered
        Assert.Equal(3, seen.Attempts("never")); // the attempt limit, then parked

        await using var check = factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<global::Platform.Infrastructure.Persistence.PlatformDbContext>();
        var parked = await db.Database.SqlQuery<string>($"SELECT last_error AS \"Value\" FROM outbox_messages WHERE state = 1").ToListAsync();
        Assert.Contains("payload never fails", Assert.Single(parked));
        Assert.Equal(1, await PendingAsync(factory.Services, state: 1));
        Assert.Contains(fx.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("parked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_batch_subscriber_gets_a_tenants_messages_together_and_a_poison_one_is_parked_alone()
    {
        var seen = new Recorder();
        await using var factory = await fx.CreateIsolatedHostAsync(FastRetries, s => s.AddSingleton(seen).AddScoped<IOutboxSubscriber, BatchHandler>());
        using var channel = HostFixture.ChannelFor(factory);
        await HostFixture.WaitUntilServingAsync(channel);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            string[] payloads = ["a", "b", "poison", "c"];
            var db = scope.ServiceProvider.GetRequiredService<global::Platform.Infrastructure.Persistence.PlatformDbContext>();
            await using (var tx = await db.Database.BeginTransactionAsync()) // committed together, so claimed together
            {
                await outbox.EnqueueAsync([.. payloads.Select(p => new OutboxMessage("acme", BatchHandler.Name, p))], CancellationToken.None);
                await tx.CommitAsync();
            }

            outbox.Wake();
        }

        await EventuallyAsync(() => seen.Attempts("poison") >= 3, "the poison message's attempts");
        await Task.Delay(300);
        // One batch of all four (it fails on the poison), then each alone: the good ones once, the poison up to the limit.
        Assert.Equal("a,b,poison,c", seen.Deliveries.First().Payload);
        Assert.Equal(["a", "b", "c"], seen.Deliveries.Skip(1).Where(d => d.Payload != "poison").Select(d => d.Payload).Order());
        Assert.Equal(3, seen.Attempts("poison")); // alone each time after the failed batch, up to the attempt limit
        Assert.Equal(1, await PendingAsync(factory.Services, state: 1));
        Assert.Equal(0, await PendingAsync(factory.Services));
    }

    private static async Task<int> PendingAsync(IServiceProvider services, int state = 0)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<global::Platform.Infrastructure.Persistence.PlatformDbContext>();
        return await db.Database.SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM outbox_messages WHERE state = {state}").SingleAsync();
    }

    private static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(50);
        }
    }

    public sealed record Delivery(string? ContextTenant, string Ids, string Payload);

    public sealed class Recorder
    {
        public ConcurrentQueue<Delivery> Deliveries { get; } = new();

        public int Attempts(string payload) => Deliveries.Count(d => d.Payload == payload);
    }

    private sealed class RecordingHandler(Recorder recorder, IRequestContext context) : IOutboxSubscriber
    {
        public string Topic => "entity.changed";

        public Task HandleAsync(OutboxDelivery message, CancellationToken ct)
        {
            var payload = Platform.Application.Eav.Entities.EntityEvents.Read(message.Payload)!;
            recorder.Deliveries.Enqueue(new Delivery(context.TenantId, System.Text.Json.JsonSerializer.Serialize(payload.Ids), message.Payload));
            return Task.CompletedTask;
        }
    }

    private sealed class BatchHandler(Recorder recorder) : IOutboxBatchSubscriber
    {
        public const string Name = "test.batch";

        public string Topic => Name;

        public Task HandleAsync(OutboxDelivery message, CancellationToken ct) => HandleBatchAsync([message], ct);

        public Task HandleBatchAsync(IReadOnlyList<OutboxDelivery> messages, CancellationToken ct)
        {
            recorder.Deliveries.Enqueue(new Delivery(null, "", string.Join(',', messages.Select(m => m.Payload))));
            return messages.Any(m => m.Payload == "poison") ? throw new InvalidOperationException("poison") : Task.CompletedTask;
        }
    }

    private sealed class FlakyHandler(Recorder recorder) : IOutboxSubscriber
    {
        public const string Name = "test.flaky";

        public string Topic => Name;

        public Task HandleAsync(OutboxDelivery message, CancellationToken ct)
        {
            recorder.Deliveries.Enqueue(new Delivery(null, "", message.Payload));
            if (message.Payload == "never" || message.Attempt == 1)
            {
                throw new InvalidOperationException($"payload {message.Payload} fails on attempt {message.Attempt}");
            }

            return Task.CompletedTask;
        }
    }
}
