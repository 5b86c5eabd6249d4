extern alias host;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Google.LongRunning;
using Grpc.Core;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Eav.V1;
using Platform.Integration.Tests.Eav;
using Platform.Integration.Tests.Infrastructure;
using Platform.Operations.V1;
using Platform.Quota.V1;
using Platform.Search.V1;
using Platform.Tenancy.V1;
using static Platform.Integration.Tests.Eav.EntityWorld;

namespace Platform.Integration.Tests.Operations;

public sealed class SqliteReindexTests(SqliteHostFixture fx) : ReindexContractTests<SqliteHostFixture>(fx);

public sealed class PostgresReindexTests(PostgresHostFixture fx) : ReindexContractTests<PostgresHostFixture>(fx);

/// <summary>
/// ReindexEntityType as a long-running operation and the tenant's OperationService, on both
/// providers: rebuilt documents found by SearchEntities, progress, cancellation, idempotency,
/// paging, isolation, errors and REST. Worker timing is set per host (chunk size, pause, poll).
/// </summary>
public abstract class ReindexContractTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private static ReindexEntityTypeMetadata Meta(Operation op) => op.Metadata.Unpack<ReindexEntityTypeMetadata>();

    /// <summary>Polls GetOperation until <paramref name="condition"/> holds (20 s at most).</summary>
    private static async Task<Operation> UntilAsync(OperationService.OperationServiceClient ops, string name, Func<Operation, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var op = await ops.GetOperationAsync(new GetOperationRequest { Name = name });
            if (condition(op))
            {
                return op;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{name} did not get there within 20 s; last: {op}");
            await Task.Delay(25);
        }
    }

    private static Task<Operation> DoneAsync(OperationService.OperationServiceClient ops, string name) => UntilAsync(ops, name, o => o.Done);

    private static async Task<List<string>> SearchAsync(SearchService.SearchServiceClient search, string parent, string query) =>
        [.. (await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Query = query, Consistency = Consistency.Strong, Fuzziness = Fuzziness.Off }))
            .Hits.Select(h => h.Name[(h.Name.LastIndexOf('/') + 1)..]).Order(StringComparer.Ordinal)];

    private static async Task MakeNotesSearchableAsync(EntityTypeService.EntityTypeServiceClient types, string typeName)
    {
        var type = await types.GetEntityTypeAsync(new GetEntityTypeRequest { Name = typeName });
        var changed = type.Clone();
        changed.Attributes.Single(a => a.Key == "notes").Searchable = true;
        await types.UpdateEntityTypeAsync(new UpdateEntityTypeRequest { EntityType = changed });
    }

    [Fact]
    public async Task Reindex_after_making_an_attribute_searchable_puts_the_entities_in_the_index()
    {
        var w = await EntityWorld.CreateAsync(fx);
        await w.CreateAsync("p1", ("sku", S("P-1")), ("notes", S("Lightweight trail shoe")));
        await w.CreateAsync("p2", ("sku", S("P-2")), ("notes", S("Waterproof trail jacket")));
        await w.CreateAsync("p3", ("sku", S("P-3")), ("notes", S("Coffee mug")));
        await w.Entities.DeleteEntityAsync(new DeleteEntityRequest { Name = $"{w.Parent}/entities/p3" });
        var search = new SearchService.SearchServiceClient(w.Scenario.Caller);
        var ops = new OperationService.OperationServiceClient(w.Scenario.Caller);

        // A STRONG search waits until the creates are indexed (with nothing searchable yet), so none is indexed after the change below.
        Assert.Empty(await SearchAsync(search, w.Parent, "trail"));
        await MakeNotesSearchableAsync(w.Types, w.Parent);
        Assert.Empty(await SearchAsync(search, w.Parent, "trail")); // a schema change alone re-indexes nothing

        var started = await search.ReindexEntityTypeAsync(new ReindexEntityTypeRequest { Name = w.Parent });
        Assert.StartsWith(w.Scenario.Tenant.Name + "/operations/", started.Name, StringComparison.Ordinal);
        Assert.Equal(w.Parent, Meta(started).EntityType);
        Assert.Equal(2, Meta(started).TotalCount); // live entities when it started

        var done = await DoneAsync(ops, started.Name);
        Assert.Equal(Google.LongRunning.Operation.ResultOneofCase.Response, done.ResultCase);
        var response = done.Response.Unpack<ReindexEntityTypeResponse>();
        Assert.Equal(3, response.ProcessedCount); // the deleted entity is read too, and stays out
        Assert.Equal(2, response.DocumentsIndexed);
        Assert.True(response.Duration.ToTimeSpan() >= TimeSpan.Zero);
        var meta = Meta(done);
        Assert.Equal(ReindexEntityTypeMetadata.Types.State.Succeeded, meta.State);
        Assert.Equal(100, meta.ProgressPercent);
        Assert.NotNull(meta.StartTime);
        Assert.NotNull(meta.EndTime);

        Assert.Equal(["p1", "p2"], await SearchAsync(search, w.Parent, "trail"));
        Assert.Equal(["p2"], await SearchAsync(search, w.Parent, "waterproof"));
        Assert.Empty(await SearchAsync(search, w.Parent, "coffee"));

        // Making it unsearchable again and reindexing takes the documents out.
        var type = await w.Types.GetEntityTypeAsync(new GetEntityTypeRequest { Name = w.Parent });
        var back = type.Clone();
        back.Attributes.Single(a => a.Key == "notes").Searchable = false;
        back.Attributes.Single(a => a.Key == "sku").Searchable = true;
        await w.Types.UpdateEntityTypeAsync(new UpdateEntityTypeRequest { EntityType = back });
        var again = await DoneAsync(ops, (await search.ReindexEntityTypeAsync(new ReindexEntityTypeRequest { Name = w.Parent })).Name);
        Assert.NotEqual(started.Name, again.Name);
        Assert.Empty(await SearchAsync(search, w.Parent, "trail"));
        Assert.Equal(["p1"], await SearchAsync(search, w.Parent, "p-1"));
    }

    [Fact]
    public async Task A_request_id_returns_the_same_operation_and_cannot_be_reused_for_another_type()
    {
        var w = await EntityWorld.CreateAsync(fx);
        await w.CreateAsync("p1", ("sku", S("P-1")));
        var search = new SearchService.SearchServiceClient(w.Scenario.Caller);
        var request = new ReindexEntityTypeRequest { Name = w.Parent, RequestId = Guid.NewGuid().ToString() };
        var first = await search.ReindexEntityTypeAsync(request);
        Assert.Equal(first.Name, (await search.ReindexEntityTypeAsync(request)).Name);
        await DoneAsync(new OperationService.OperationServiceClient(w.Scenario.Caller), first.Name);
        var replay = await search.ReindexEntityTypeAsync(request);
        Assert.Equal(first.Name, replay.Name);
        Assert.True(replay.Done); // the finished operation, not a new run

        var other = await w.Types.CreateEntityTypeAsync(new CreateEntityTypeRequest { Parent = w.Scenario.Tenant.Name, EntityTypeId = "other", EntityType = Product() });
        var (_, _, bad) = await Errors.AssertFailsAsync(() => search.ReindexEntityTypeAsync(new ReindexEntityTypeRequest { Name = other.Name, RequestId = request.RequestId }).ResponseAsync,
            StatusCode.InvalidArgument, "REQUEST_ID_REUSED");
        Assert.Equal(["request_id"], bad.Fields());
    }

    [Fact]
    public async Task Operations_are_listed_newest_first_in_pages_and_filtered_by_done()
    {
        var w = await EntityWorld.CreateAsync(fx);
        var search = new SearchService.SearchServiceClient(w.Scenario.Caller);
        var ops = new OperationService.OperationServiceClient(w.Scenario.Caller);
        var names = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            names.Add((await DoneAsync(ops, (await search.ReindexEntityTypeAsync(new ReindexEntityTypeRequest { Name = w.Parent })).Name)).Name);
        }

        var tenant = w.Scenario.Tenant.Name;
        var first = await ops.ListOperationsAsync(new ListOperationsRequest { Name = tenant, PageSize = 2 });
        Assert.Equal(2, first.Operations.Count);
        Assert.NotEmpty(first.NextPageToken);
        var second = await ops.ListOperationsAsync(new ListOperationsRequest { Name = tenant, PageSize = 2, PageToken = first.NextPageToken });
        Assert.Single(second.Operations);
        Assert.Empty(second.NextPageToken);
        Assert.Equal(Enumerable.Reverse(names), first.Operations.Concat(second.Operations).Select(o => o.Name));

        Assert.Equal(3, (await ops.ListOperationsAsync(new ListOperationsRequest { Name = tenant, Filter = "done = true" })).Operations.Count);
        Assert.Empty((await ops.ListOperationsAsync(new ListOperationsRequest { Name = tenant, Filter = "done=false" })).Operations);
        var (_, _, badFilter) = await Errors.AssertFailsAsync(() => ops.ListOperationsAsync(new ListOperationsRequest { Name = tenant, Filter = "state = RUNNING" }).ResponseAsync,
            StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["filter"], badFilter.Fields());
        await Errors.AssertFailsAsync(() => ops.ListOperationsAsync(new ListOperationsRequest { Name = tenant, Filter = "done = true", PageToken = first.NextPageToken }).ResponseAsync,
            StatusCode.InvalidArgument, "INVALID_PAGE_TOKEN");

        // A finished operation can be deleted; then it is gone.
        await ops.DeleteOperationAsync(new DeleteOperationRequest { Name = names[0] });
        await Errors.AssertFailsAsync(() => ops.GetOperationAsync(new GetOperationRequest { Name = names[0] }).ResponseAsync, StatusCode.NotFound, "RESOURCE_NOT_FOUND");
        Assert.Equal(2, (await ops.ListOperationsAsync(new ListOperationsRequest { Name = tenant })).Operations.Count);
    }

    [Fact]
    public async Task Bad_names_are_invalid_and_unknown_ones_not_found()
    {
        var w = await EntityWorld.CreateAsync(fx);
        var search = new SearchService.SearchServiceClient(w.Scenario.Caller);
        var ops = new OperationService.OperationServiceClient(w.Scenario.Caller);
        var tenant = w.Scenario.Tenant.Name;

        await Errors.AssertFailsAsync(() => search.ReindexEntityTypeAsync(new ReindexEntityTypeRequest { Name = $"{tenant}/entityTypes/nope" }).ResponseAsync,
            StatusCode.NotFound, "RESOURCE_NOT_FOUND");
        var (_, _, reindexName) = await Errors.AssertFailsAsync(
            () => search.ReindexEntityTypeAsync(new ReindexEntityTypeRequest { Name = $"{tenant}/entityTypes/Not_Valid" }).ResponseAsync,
            StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["name"], reindexName.Fields());
        var (_, _, requestId) = await Errors.AssertFailsAsync(
            () => search.ReindexEntityTypeAsync(new ReindexEntityTypeRequest { Name = w.Parent, RequestId = new string('x', 65) }).ResponseAsync,
            StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["request_id"], requestId.Fields());

        await Errors.AssertFailsAsync(() => ops.GetOperationAsync(new GetOperationRequest { Name = $"{tenant}/operations/0123abcd" }).ResponseAsync,
            StatusCode.NotFound, "RESOURCE_NOT_FOUND");
        await Errors.AssertFailsAsync(() => ops.CancelOperationAsync(new CancelOperationRequest { Name = $"{tenant}/operations/0123abcd" }).ResponseAsync,
            StatusCode.NotFound, "RESOURCE_NOT_FOUND");
        await Errors.AssertFailsAsync(() => ops.DeleteOperationAsync(new DeleteOperationRequest { Name = $"{tenant}/operations/0123abcd" }).ResponseAsync,
            StatusCode.NotFound, "RESOURCE_NOT_FOUND");
        var (_, _, getName) = await Errors.AssertFailsAsync(() => ops.GetOperationAsync(new GetOperationRequest { Name = $"{tenant}/operations/UPPER-case!" }).ResponseAsync,
            StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["name"], getName.Fields());
        var (_, _, listName) = await Errors.AssertFailsAsync(() => ops.ListOperationsAsync(new ListOperationsRequest { Name = $"{tenant}/operations", PageSize = -1 }).ResponseAsync,
            StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["name", "page_size"], listName.Fields().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Another_tenant_can_neither_see_nor_touch_an_operation()
    {
        var a = await EntityWorld.CreateAsync(fx);
        var b = await EntityWorld.CreateAsync(fx);
        var op = await new SearchService.SearchServiceClient(a.Scenario.Caller).ReindexEntityTypeAsync(new ReindexEntityTypeRequest { Name = a.Parent });
        var asB = new OperationService.OperationServiceClient(b.Scenario.Caller);

        await Errors.AssertFailsAsync(() => asB.GetOperationAsync(new GetOperationRequest { Name = op.Name }).ResponseAsync, StatusCode.PermissionDenied, "TENANT_MISMATCH");
        await Errors.AssertFailsAsync(() => asB.CancelOperationAsync(new CancelOperationRequest { Name = op.Name }).ResponseAsync, StatusCode.PermissionDenied, "TENANT_MISMATCH");
        await Errors.AssertFailsAsync(() => asB.DeleteOperationAsync(new DeleteOperationRequest { Name = op.Name }).ResponseAsync, StatusCode.PermissionDenied, "TENANT_MISMATCH");
        await Errors.AssertFailsAsync(() => asB.ListOperationsAsync(new ListOperationsRequest { Name = a.Scenario.Tenant.Name }).ResponseAsync,
            StatusCode.PermissionDenied, "TENANT_MISMATCH");
        await Errors.AssertFailsAsync(() => new SearchService.SearchServiceClient(b.Scenario.Caller).ReindexEntityTypeAsync(new ReindexEntityTypeRequest { Name = a.Parent }).ResponseAsync,
            StatusCode.PermissionDenied, "TENANT_MISMATCH");

        // A's operation id under B's own name is simply not one of B's operations.
        var id = op.Name[(op.Name.LastIndexOf('/') + 1)..];
        await Errors.AssertFailsAsync(() => asB.GetOperationAsync(new GetOperationRequest { Name = $"{b.Scenario.Tenant.Name}/operations/{id}" }).ResponseAsync,
            StatusCode.NotFound, "RESOURCE_NOT_FOUND");
        Assert.Empty((await asB.ListOperationsAsync(new ListOperationsRequest { Name = b.Scenario.Tenant.Name })).Operations);
        Assert.Equal(op.Name, (await DoneAsync(new OperationService.OperationServiceClient(a.Scenario.Caller), op.Name)).Name);

        // A viewer of A's tenant may not start one.
        var (viewer, _) = await fx.CreateKeyAsync(a.Scenario.Tenant.Name, "viewer");
        await Errors.AssertFailsAsync(() => new SearchService.SearchServiceClient(fx.As(viewer)).ReindexEntityTypeAsync(new ReindexEntityTypeRequest { Name = a.Parent }).ResponseAsync,
            StatusCode.PermissionDenied, "PERMISSION_DENIED");
    }

    [Fact]
    public async Task Rest_starts_polls_lists_and_cancels_operations()
    {
        var w = await EntityWorld.CreateAsync(fx);
        await w.CreateAsync("p1", ("sku", S("P-1")), ("notes", S("Trail shoe")));
        await MakeNotesSearchableAsync(w.Types, w.Parent);
        using var rest = fx.RestAs(w.Scenario.Secret);

        var started = await rest.PostAsJsonAsync($"/v1/{w.Parent}:reindex", new { requestId = "rest-1" });
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var body = await started.Content.ReadFromJsonAsync<JsonElement>();
        var name = body.GetProperty("name").GetString()!;
        Assert.Equal("type.googleapis.com/platform.search.v1.ReindexEntityTypeMetadata", body.GetProperty("metadata").GetProperty("@type").GetString());
        Assert.Equal(w.Parent, body.GetProperty("metadata").GetProperty("entityType").GetString());

        await DoneAsync(new OperationService.OperationServiceClient(w.Scenario.Caller), name);
        var got = await rest.GetFromJsonAsync<JsonElement>($"/v1/{name}");
        Assert.True(got.GetProperty("done").GetBoolean());
        Assert.Equal("1", got.GetProperty("response").GetProperty("documentsIndexed").GetString()); // int64 as a JSON string
        Assert.Equal("STATE_SUCCEEDED", got.GetProperty("metadata").GetProperty("state").GetString());

        var list = await rest.GetFromJsonAsync<JsonElement>($"/v1/{w.Scenario.Tenant.Name}/operations?pageSize=10&filter=done%3Dtrue");
        Assert.Equal(name, list.GetProperty("operations")[0].GetProperty("name").GetString());

        // Cancelling a finished operation changes nothing; deleting it works over REST too.
        Assert.Equal(HttpStatusCode.OK, (await rest.PostAsJsonAsync($"/v1/{name}:cancel", new { })).StatusCode);
        Assert.True((await rest.GetFromJsonAsync<JsonElement>($"/v1/{name}")).TryGetProperty("response", out _));
        Assert.Equal(HttpStatusCode.OK, (await rest.DeleteAsync($"/v1/{name}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await rest.GetAsync($"/v1/{name}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await rest.GetAsync($"/v1/{w.Scenario.Tenant.Name}/operations?filter=nonsense")).StatusCode);
    }

    [Fact]
    public async Task Progress_is_visible_while_running_and_a_running_operation_can_be_cancelled()
    {
        // 2 entities per chunk and a pause after each: 30 entities take about 1.5 s, long enough to watch.
        await using var slow = await TenantHost.CreateAsync(fx, new() { ["Platform:Operations:ChunkSize"] = "2", ["Platform:Operations:PauseMilliseconds"] = "100" }, 30);
        var first = await slow.Search.ReindexEntityTypeAsync(new ReindexEntityTypeRequest { Name = slow.TypeName });
        var running = await UntilAsync(slow.Operations, first.Name, o => Meta(o).ProcessedCount > 0);
        Assert.False(running.Done);
        var meta = Meta(running);
        Assert.Equal(ReindexEntityTypeMetadata.Types.State.Running, meta.State);
        Assert.Equal(30, meta.TotalCount);
        Assert.InRange(meta.ProgressPercent, 1, 99);
        Assert.NotNull(meta.StartTime);
        Assert.Null(meta.EndTime);

        // While it runs, asking again returns it instead of starting a second pass.
        Assert.Equal(first.Name, (await slow.Search.ReindexEntityTypeAsync(new ReindexEntityTypeRequest { Name = slow.TypeName })).Name);

        var done = await DoneAsync(slow.Operations, first.Name);
        Assert.Equal(30, Meta(done).ProcessedCount);
        Assert.Equal(100, Meta(done).ProgressPercent);
        Assert.Equal(30, (await slow.Search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = slow.TypeName, Query = "gadget" })).TotalSize);

        var second = await slow.Search.ReindexEntityTypeAsync(new ReindexEntityTypeRequest { Name = slow.TypeName });
        await UntilAsync(slow.Operations, second.Name, o => Meta(o).ProcessedCount > 0);
        await slow.Operations.CancelOperationAsync(new CancelOperationRequest { Name = second.Name });
        var cancelled = await DoneAsync(slow.Operations, second.Name);
        Assert.Equal(Google.LongRunning.Operation.ResultOneofCase.Error, cancelled.ResultCase);
        Assert.Equal((int)StatusCode.Cancelled, cancelled.Error.Code);
        Assert.Equal(ReindexEntityTypeMetadata.Types.State.Cancelled, Meta(cancelled).State);
        Assert.InRange(Meta(cancelled).ProcessedCount, 1, 29);
        Assert.NotNull(Meta(cancelled).EndTime);
    }

    [Fact]
    public async Task A_pending_operation_is_cancelled_at_once_and_another_host_runs_what_this_one_does_not()
    {
        // This host runs no operations: what it starts stays pending until a host with a worker takes it.
        await using var idle = await TenantHost.CreateAsync(fx, new() { ["Platform:Operations:WorkerEnabled"] = "false" }, 3);
        var first = await idle.Search.ReindexEntityTypeAsync(new ReindexEntityTypeRequest { Name = idle.TypeName });
        var pending = await idle.Operations.GetOperationAsync(new GetOperationRequest { Name = first.Name });
        Assert.False(pending.Done);
        Assert.Equal(ReindexEntityTypeMetadata.Types.State.Pending, Meta(pending).State);
        Assert.Equal(0, Meta(pending).ProgressPercent);
        Assert.Equal(first.Name, (await idle.Search.ReindexEntityTypeAsync(new ReindexEntityTypeRequest { Name = idle.TypeName })).Name);
        await Errors.AssertFailsAsync(() => idle.Operations.DeleteOperationAsync(new DeleteOperationRequest { Name = first.Name }).ResponseAsync,
            StatusCode.FailedPrecondition, "INVALID_STATE");
        Assert.Single((await idle.Operations.ListOperationsAsync(new ListOperationsRequest { Name = idle.TenantName, Filter = "done = false" })).Operations);

        await idle.Operations.CancelOperationAsync(new CancelOperationRequest { Name = first.Name });
        var cancelled = await idle.Operations.GetOperationAsync(new GetOperationRequest { Name = first.Name });
        Assert.True(cancelled.Done);
        Assert.Equal((int)StatusCode.Cancelled, cancelled.Error.Code);
        Assert.Equal(0, Meta(cancelled).ProcessedCount);

        // Cancelled, it no longer blocks a new reindex of the type, which a second host (with a worker, same database) runs.
        var second = await idle.Search.ReindexEntityTypeAsync(new ReindexEntityTypeRequest { Name = idle.TypeName });
        Assert.NotEqual(first.Name, second.Name);
        await using var worker = idle.Sibling(new() { ["Platform:Operations:WorkerEnabled"] = "true" });
        using var channel = HostFixture.ChannelFor(worker);
        await HostFixture.WaitUntilServingAsync(channel);
        var done = await DoneAsync(new OperationService.OperationServiceClient(HostFixture.WithCredential(channel, fx.OperatorKey)), second.Name);
        Assert.Equal(3, done.Response.Unpack<ReindexEntityTypeResponse>().DocumentsIndexed);
    }

    [Fact]
    public async Task A_run_whose_host_died_is_resumed_from_its_cursor_once_the_lease_expires()
    {
        await using var idle = await TenantHost.CreateAsync(fx, new() { ["Platform:Operations:WorkerEnabled"] = "false" }, 30);
        var op = await idle.Search.ReindexEntityTypeAsync(new ReindexEntityTypeRequest { Name = idle.TypeName });
        var id = op.Name[(op.Name.LastIndexOf('/') + 1)..];

        // As a host leaves it when it dies after its tenth entity: running, cursor saved, lease run out.
        await using (var scope = idle.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<global::Platform.Infrastructure.Persistence.PlatformDbContext>();
            var expired = DateTime.UtcNow.AddSeconds(-1);
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE operations SET state = 2, processed = 10, documents = 10, cursor = 'e09', start_time = {expired}, locked_until = {expired},
                    lease_owner = 'dead-host' WHERE id = {id}
                """);
        }

        var running = await idle.Operations.GetOperationAsync(new GetOperationRequest { Name = op.Name });
        Assert.Equal(ReindexEntityTypeMetadata.Types.State.Running, Meta(running).State);
        Assert.Equal(33, Meta(running).ProgressPercent);

        await using var worker = idle.Sibling(new() { ["Platform:Operations:WorkerEnabled"] = "true" });
        using var channel = HostFixture.ChannelFor(worker);
        await HostFixture.WaitUntilServingAsync(channel);
        var done = await DoneAsync(new OperationService.OperationServiceClient(HostFixture.WithCredential(channel, fx.OperatorKey)), op.Name);
        var response = done.Response.Unpack<ReindexEntityTypeResponse>();
        Assert.Equal(30, response.ProcessedCount); // 10 before + e10..e29 after: not started over
        Assert.Equal(30, response.DocumentsIndexed);
    }

    [Fact]
    public async Task A_type_deleted_before_its_reindex_ran_ends_it_with_not_found_and_no_internals()
    {
        await using var idle = await TenantHost.CreateAsync(fx, new() { ["Platform:Operations:WorkerEnabled"] = "false" }, 2);
        var op = await idle.Search.ReindexEntityTypeAsync(new ReindexEntityTypeRequest { Name = idle.TypeName });
        await new EntityTypeService.EntityTypeServiceClient(idle.Operator).DeleteEntityTypeAsync(new DeleteEntityTypeRequest { Name = idle.TypeName, Force = true });

        await using var worker = idle.Sibling(new() { ["Platform:Operations:WorkerEnabled"] = "true" });
        using var channel = HostFixture.ChannelFor(worker);
        await HostFixture.WaitUntilServingAsync(channel);
        var failed = await DoneAsync(new OperationService.OperationServiceClient(HostFixture.WithCredential(channel, fx.OperatorKey)), op.Name);
        Assert.Equal((int)StatusCode.NotFound, failed.Error.Code);
        Assert.Equal($"{idle.TypeName} was deleted while it was being reindexed.", failed.Error.Message);
        Assert.Equal(ReindexEntityTypeMetadata.Types.State.Failed, Meta(failed).State);
    }

    /// <summary>A host of its own (own database, own worker settings) with one tenant, a "product" type whose notes are searchable, and entities.</summary>
    private sealed class TenantHost(HostFixture fx, WebApplicationFactory<host::Program> factory, Grpc.Net.Client.GrpcChannel channel)
        : IAsyncDisposable
    {
        public string TenantName { get; private set; } = "";

        public string TypeName { get; private set; } = "";

        public CallInvoker Operator => HostFixture.WithCredential(channel, fx.OperatorKey);

        public IServiceProvider Services => factory.Services;

        public SearchService.SearchServiceClient Search => new(Operator);

        public OperationService.OperationServiceClient Operations => new(Operator);

        /// <summary>Another host on this host's database, with these settings overridden.</summary>
        public WebApplicationFactory<host::Program> Sibling(Dictionary<string, string?> extra) =>
            factory.WithWebHostBuilder(b =>
            {
                foreach (var (k, v) in extra)
                {
                    b.UseSetting(k, v);
                }
            });

        public static async Task<TenantHost> CreateAsync(HostFixture fx, Dictionary<string, string?> settings, int entities)
        {
            settings.TryAdd("Platform:Operations:PollMilliseconds", "50");
            var factory = await fx.CreateIsolatedHostAsync(settings);
            var channel = HostFixture.ChannelFor(factory);
            await HostFixture.WaitUntilServingAsync(channel);
            var host = new TenantHost(fx, factory, channel);
            var op = host.Operator;
            var plan = await new PlanService.PlanServiceClient(op).CreatePlanAsync(new CreatePlanRequest
            {
                PlanId = TenantSetup.NewId("p"),
                Plan = new Plan { DisplayName = "Reindex plan", Limits = { new Limit { Metric = "entity_types", Unlimited = true } } },
            });
            var tenant = await new TenantService.TenantServiceClient(op).CreateTenantAsync(new CreateTenantRequest
            {
                TenantId = TenantSetup.NewId(), Tenant = new Tenant { DisplayName = "Reindex tenant", Plan = plan.Name },
            });
            var product = Product();
            product.Attributes.Single(a => a.Key == "notes").Searchable = true;
            var type = await new EntityTypeService.EntityTypeServiceClient(op).CreateEntityTypeAsync(new CreateEntityTypeRequest
            {
                Parent = tenant.Name, EntityTypeId = "product", EntityType = product,
            });
            var batch = new BatchCreateEntitiesRequest { Parent = type.Name };
            for (var i = 0; i < entities; i++)
            {
                batch.Requests.Add(new CreateEntityRequest
                {
                    EntityId = $"e{i:D2}",
                    Entity = new Entity { Attributes = Attrs(("sku", S($"SKU-{i}")), ("notes", S($"Gadget number {i}"))) },
                });
            }

            await new EntityService.EntityServiceClient(op).BatchCreateEntitiesAsync(batch);
            host.TenantName = tenant.Name;
            host.TypeName = type.Name;
            return host;
        }

        public async ValueTask DisposeAsync()
        {
            channel.Dispose();
            await factory.DisposeAsync();
        }
    }
}
