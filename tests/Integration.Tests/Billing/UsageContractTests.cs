using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Billing.V1;
using Platform.Eav.V1;
using Platform.Integration.Tests.Eav;
using Platform.Integration.Tests.Infrastructure;
using Platform.Tenancy.V1;
using static Platform.Integration.Tests.Billing.UsageWorld;
using static Platform.Integration.Tests.Eav.EntityWorld;

namespace Platform.Integration.Tests.Billing;

public sealed class SqliteUsageTests(SqliteHostFixture fx) : UsageContractTests<SqliteHostFixture>(fx);

public sealed class PostgresUsageTests(PostgresHostFixture fx) : UsageContractTests<PostgresHostFixture>(fx);

/// <summary>Metering: usage events recorded exactly once, refusals that name the event, and what the platform meters itself.</summary>
public abstract class UsageContractTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    [Fact]
    public async Task Any_number_of_deliveries_of_an_event_in_any_order_and_batching_count_it_once()
    {
        var w = await CreateAsync(fx);
        var random = new Random(20261124);
        var expected = 0m;
        for (var round = 0; round < 6; round++)
        {
            // Each event is delivered 1..4 times, shuffled, cut into random batches, some sent concurrently.
            var events = Enumerable.Range(0, random.Next(1, 40))
                .Select(i => Event($"r{round}-e{i}", (random.Next(1, 10_000) / 100m).ToString(CultureInfo.InvariantCulture))).ToList();
            var deliveries = events.SelectMany(e => Enumerable.Repeat(e, random.Next(1, 5))).OrderBy(_ => random.Next()).ToList();
            var batches = new List<List<UsageEvent>>();
            for (var at = 0; at < deliveries.Count;)
            {
                var size = random.Next(1, 12);
                batches.Add(deliveries.Skip(at).Take(size).ToList());
                at += size;
            }

            var responses = await Task.WhenAll(batches.Select(b => w.RecordAsync([.. b])));
            Assert.Equal(events.Count, responses.Sum(r => r.AcceptedCount));
            Assert.Equal(deliveries.Count - events.Count, responses.Sum(r => r.DuplicateCount));
            expected += events.Sum(e => decimal.Parse(e.Quantity, CultureInfo.InvariantCulture));
            Assert.Equal(expected, await w.QuantityAsync("tokens"));
        }
    }

    [Fact]
    public async Task A_key_reused_with_another_payload_is_already_exists_naming_the_event_and_nothing_of_the_batch_is_written()
    {
        var w = await CreateAsync(fx);
        var first = Event("k-1", "5");
        await w.RecordAsync(first);

        var changed = first.Clone();
        changed.Quantity = "6";
        var (_, info, badRequest) = await Errors.AssertFailsAsync(() => w.RecordAsync(Event("k-2", "7"), changed), StatusCode.AlreadyExists, "RESOURCE_ALREADY_EXISTS");
        Assert.Equal(["events[1].idempotency_key"], badRequest.Fields());
        Assert.Equal("k-1", info.Metadata["idempotency_key"]);
        Assert.Equal(5m, await w.QuantityAsync("tokens"));

        // k-2 was not written: sending it again counts it now.
        var retry = await w.RecordAsync(Event("k-2", "7"), first);
        Assert.Equal((1, 1), (retry.AcceptedCount, retry.DuplicateCount));
        Assert.Equal(12m, await w.QuantityAsync("tokens"));

        // The same payload spelled differently ("5.000") is the same event.
        var respelled = first.Clone();
        respelled.Quantity = "5.000";
        Assert.Equal(1, (await w.RecordAsync(respelled)).DuplicateCount);
    }

    [Fact]
    public async Task Malformed_events_are_refused_field_by_field_and_nothing_is_written()
    {
        var w = await CreateAsync(fx);
        var noTime = Event("t-3");
        noTime.EventTime = null;
        var manyProperties = Event("t-8");
        for (var i = 0; i < 17; i++)
        {
            manyProperties.Properties[$"p{i}"] = "x";
        }

        var (_, _, badRequest) = await Errors.AssertFailsAsync(() => w.RecordAsync(
            Event("t-0"),
            Event("t-1", metric: "Tokens"),
            Event("t-2", quantity: "-1"),
            noTime,
            Event(""),
            Event("t-5", quantity: "1e3"),
            Event("t-6", quantity: "0.0000000001"),
            Event("t-7", metric: "api_calls"),
            manyProperties,
            Event("t-9", at: DateTimeOffset.UtcNow.AddMinutes(10)),
            Event("t-0", quantity: "2")), StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(
            ["events[1].metric", "events[2].quantity", "events[3].event_time", "events[4].idempotency_key", "events[5].quantity", "events[6].quantity",
             "events[7].metric", "events[8].properties", "events[9].event_time", "events[10].idempotency_key"],
            badRequest.Fields());
        Assert.Equal(0m, await w.QuantityAsync("tokens"));

        await Errors.AssertFailsAsync(() => w.Usage.RecordUsageEventsAsync(new RecordUsageEventsRequest { Parent = w.Tenant.Name }).ResponseAsync,
            StatusCode.InvalidArgument, "VALIDATION_FAILED");
    }

    [Fact]
    public async Task Events_of_a_period_closed_beyond_the_grace_period_are_failed_precondition_naming_the_event()
    {
        var w = await CreateAsync(fx);
        var now = DateTimeOffset.UtcNow;
        var longAgo = now.AddMonths(-2); // its period ended at least a month ago, far beyond 3 days of grace
        var (_, info, badRequest) = await Errors.AssertFailsAsync(() => w.RecordAsync(Event("ok", at: now.AddMinutes(-1)), Event("late", at: longAgo)),
            StatusCode.FailedPrecondition, "INVALID_STATE");
        Assert.Equal(["events[1].event_time"], badRequest.Fields());
        Assert.Equal("PERIOD_CLOSED", info.Metadata["state"]);
        Assert.Equal(0m, await w.QuantityAsync("tokens"));

        // Within the skew a client clock slightly ahead is fine.
        Assert.Equal(1, (await w.RecordAsync(Event("ahead", at: now.AddMinutes(2)))).AcceptedCount);
    }

    [Fact]
    public async Task Admitted_api_calls_are_metered_through_the_outbox_and_shown_per_day_with_the_plans_allowance()
    {
        var w = await CreateAsync(fx);
        var tenants = new TenantService.TenantServiceClient(fx.As(w.Secret));
        for (var i = 0; i < 7; i++)
        {
            await tenants.GetTenantAsync(new GetTenantRequest { Name = w.Tenant.Name });
        }

        await EventuallyAsync(async () => await w.QuantityAsync("api_calls") >= 7, "7 metered calls");
        await Task.Delay(1500); // one more flush interval: nothing beyond the 7 calls may arrive
        var usage = await w.GetAsync();
        var calls = usage.Metrics.Single(m => m.Metric == "api_calls");
        Assert.Equal("7", calls.Quantity);
        Assert.Equal("plans/free", usage.Plan);
        Assert.Equal("USD", usage.CurrencyCode);
        Assert.True(decimal.Parse(calls.Included, CultureInfo.InvariantCulture) > 0);
        Assert.Equal("0", calls.ProjectedCharge); // far inside the free allowance
        Assert.Equal(7m, calls.Days.Sum(d => decimal.Parse(d.Quantity, CultureInfo.InvariantCulture)));
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), calls.Days[^1].Date);
        Assert.True(usage.PeriodStart.ToDateTimeOffset() <= DateTimeOffset.UtcNow && DateTimeOffset.UtcNow < usage.PeriodEnd.ToDateTimeOffset());
    }

    [Fact]
    public async Task A_redelivered_api_calls_flush_counts_once()
    {
        var w = await CreateAsync(fx);
        var message = new global::Platform.Application.Billing.ApiCallsPayload("api_calls:test-host:1", 40, DateTimeOffset.UtcNow.UtcTicks)
            .ToMessage(w.Tenant.TenantId);
        await using (var scope = fx.Factory.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<global::Platform.Application.Abstractions.Outbox.IOutbox>();
            await outbox.EnqueueAsync([message, message], CancellationToken.None);
            await outbox.EnqueueAsync([message], CancellationToken.None);
            outbox.Wake();
            Assert.True(await outbox.WaitForDeliveryAsync(w.Tenant.TenantId, message.Topic, TimeSpan.FromSeconds(30), CancellationToken.None));
        }

        Assert.Equal(40m, await w.QuantityAsync("api_calls"));
    }

    [Fact]
    public async Task Entity_writes_leave_storage_samples_at_the_counters_level()
    {
        var world = await EntityWorld.CreateAsync(fx);
        var entities = world.Entities;
        await entities.CreateEntityAsync(new CreateEntityRequest { Parent = world.Parent, EntityId = "a", Entity = new Entity { Attributes = Attrs(("sku", S("A-1"))) } });
        await entities.CreateEntityAsync(new CreateEntityRequest { Parent = world.Parent, EntityId = "b", Entity = new Entity { Attributes = Attrs(("sku", S("B-22222"))) } });
        await entities.DeleteEntityAsync(new DeleteEntityRequest { Name = $"{world.Parent}/entities/a" });
        var tenantId = world.Scenario.Tenant.TenantId;
        var used = (await world.Scenario.OperatorQuota.GetQuotaAsync(new Platform.Quota.V1.GetQuotaRequest { Name = world.Scenario.QuotaName }))
            .Limits.FirstOrDefault(l => l.Limit.Metric == "storage_bytes")?.Usage;

        List<long> samples = [];
        await EventuallyAsync(async () => (samples = await SamplesAsync(tenantId)).Count >= 3, "three storage samples");
        Assert.Equal(3, samples.Count);
        Assert.True(samples[0] > 0 && samples[1] > samples[0] && samples[2] < samples[1]);
        if (used is { } level)
        {
            Assert.Equal(level, samples[^1]);
        }

        var usage = await new UsageService.UsageServiceClient(fx.Operator).GetUsageAsync(new GetUsageRequest { Name = $"tenants/{tenantId}/usage" });
        var storage = usage.Metrics.Single(m => m.Metric == "storage_gb_months");
        Assert.True(decimal.Parse(storage.ProjectedQuantity, CultureInfo.InvariantCulture) > 0);
    }

    [Fact]
    public async Task Usage_is_reachable_over_rest()
    {
        var w = await CreateAsync(fx);
        using var rest = fx.RestAs(w.Secret);
        var body = new
        {
            events = new object[]
            {
                new { metric = "sms", quantity = "3", eventTime = DateTimeOffset.UtcNow.AddSeconds(-5).ToString("O"), idempotencyKey = "rest-1", properties = new { country = "ch" } },
            },
        };
        var post = await rest.PostAsJsonAsync($"/v1/{w.Tenant.Name}/usageEvents:batchCreate", body);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal(1, JsonDocument.Parse(await post.Content.ReadAsStringAsync()).RootElement.GetProperty("acceptedCount").GetInt32());

        var get = await rest.GetAsync($"/v1/{w.UsageName}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        var metrics = JsonDocument.Parse(await get.Content.ReadAsStringAsync()).RootElement.GetProperty("metrics").EnumerateArray().ToList();
        Assert.Equal("3", metrics.Single(m => m.GetProperty("metric").GetString() == "sms").GetProperty("quantity").GetString());

        var late = await rest.PostAsJsonAsync($"/v1/{w.Tenant.Name}/usageEvents:batchCreate",
            new { events = new object[] { new { metric = "sms", quantity = "1", eventTime = DateTimeOffset.UtcNow.AddMonths(-3).ToString("O"), idempotencyKey = "rest-2" } } });
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode); // FAILED_PRECONDITION maps to 400
    }

    [Fact]
    public async Task A_tenant_can_neither_record_nor_read_another_tenants_usage()
    {
        var a = await CreateAsync(fx);
        var b = await CreateAsync(fx);
        var asA = new UsageService.UsageServiceClient(fx.As(a.Secret));
        Assert.Equal(StatusCode.PermissionDenied, await StatusOfAsync(() => asA.RecordUsageEventsAsync(
            new RecordUsageEventsRequest { Parent = b.Tenant.Name, Events = { Event("x") } }).ResponseAsync));
        Assert.Equal(StatusCode.PermissionDenied, await StatusOfAsync(() => asA.GetUsageAsync(new GetUsageRequest { Name = b.UsageName }).ResponseAsync));
        Assert.Equal(0m, await b.QuantityAsync("tokens"));
    }

    private async Task<List<long>> SamplesAsync(string tenantId)
    {
        await using var scope = fx.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<global::Platform.Infrastructure.Persistence.PlatformDbContext>();
        return await db.Database.SqlQuery<long>($"SELECT bytes AS \"Value\" FROM storage_samples WHERE tenant_id = {tenantId} ORDER BY sample_time").ToListAsync();
    }
}
