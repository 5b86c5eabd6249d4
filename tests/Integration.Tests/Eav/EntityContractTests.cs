using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Eav.V1;
using Platform.Integration.Tests.Infrastructure;
using static Platform.Integration.Tests.Eav.EntityWorld;

namespace Platform.Integration.Tests.Eav;

public sealed class SqliteEntityTests(SqliteHostFixture fx) : EntityContractTests<SqliteHostFixture>(fx);

public sealed class PostgresEntityTests(PostgresHostFixture fx) : EntityContractTests<PostgresHostFixture>(fx);

/// <summary>EntityService on both providers: writes, validation, uniqueness, references, etags, soft delete and history.</summary>
public abstract class EntityContractTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private static readonly string[] BadFields =
        ["entity.attributes.colour", "entity.attributes.price", "entity.attributes.qty", "entity.attributes.sku", "entity.attributes.status"];

    [Fact]
    public async Task Create_applies_defaults_stores_canonical_values_and_is_idempotent()
    {
        var w = await EntityWorld.CreateAsync(fx);
        var request = new CreateEntityRequest
        {
            Parent = w.Parent,
            EntityId = "lamp",
            RequestId = Guid.NewGuid().ToString(),
            Entity = new Entity
            {
                Attributes = Attrs(("sku", S("Cafe\u0301-1")), ("price", S("12.50")), ("qty", S("9007199254740993")),
                    ("released", S("2026-03-01T12:00:00+02:00")), ("tags", Value.ForList(S("b"), S("a")))),
            },
        };

        var created = await w.Entities.CreateEntityAsync(request);
        Assert.Equal($"{w.Parent}/entities/lamp", created.Name);
        Assert.Equal(1, created.Version);
        var a = created.Attributes.Fields;
        Assert.Equal("Caf\u00e9-1", a["sku"].StringValue); // NFC
        Assert.Equal(12.5m, decimal.Parse(a["price"].StringValue, CultureInfo.InvariantCulture));
        Assert.Equal("9007199254740993", a["qty"].StringValue); // no digit lost to a double
        Assert.Equal("2026-03-01T10:00:00.000000Z", a["released"].StringValue); // UTC, microseconds (the canonical form)
        Assert.Equal("ACTIVE", a["status"].StringValue); // default
        Assert.Equal(["b", "a"], a["tags"].ListValue.Values.Select(v => v.StringValue));

        var retried = await w.Entities.CreateEntityAsync(request);
        Assert.Equal(created, retried);
        request.Entity.Attributes.Fields["sku"] = S("other");
        await Errors.AssertFailsAsync(() => w.Entities.CreateEntityAsync(request).ResponseAsync, StatusCode.InvalidArgument, "REQUEST_ID_REUSED");

        var generated = await w.CreateAsync(null, ("sku", S("gen")));
        Assert.Matches("^[a-z0-9]{32}$", generated.Name.Split('/')[^1]);
        Assert.Equal(generated, await w.Entities.GetEntityAsync(new GetEntityRequest { Name = generated.Name }));
    }

    [Fact]
    public async Task Invalid_values_give_one_field_violation_per_attribute_and_change_nothing()
    {
        var w = await EntityWorld.CreateAsync(fx);
        var (_, _, bad) = await Errors.AssertFailsAsync(() => w.CreateAsync("x", ("price", S("-1")), ("qty", S("many")), ("colour", S("red")),
            ("status", S("GONE"))), StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(BadFields, bad.Fields().Order(StringComparer.Ordinal));
        await Errors.AssertFailsAsync(() => w.Entities.GetEntityAsync(new GetEntityRequest { Name = $"{w.Parent}/entities/x" }).ResponseAsync,
            StatusCode.NotFound, "RESOURCE_NOT_FOUND");
        await Errors.AssertFailsAsync(() => w.CreateAsync("Bad_Id", ("sku", S("a"))), StatusCode.InvalidArgument, "VALIDATION_FAILED");
    }

    [Fact]
    public async Task Unique_values_ids_and_references_are_enforced()
    {
        var w = await EntityWorld.CreateAsync(fx);
        var first = await w.CreateAsync("a", ("sku", S("S-1")));
        var (_, _, taken) = await Errors.AssertFailsAsync(() => w.CreateAsync("b", ("sku", S("S-1"))), StatusCode.AlreadyExists, "VALUE_ALREADY_TAKEN");
        Assert.Equal(["entity.attributes.sku"], taken.Fields());
        await Errors.AssertFailsAsync(() => w.CreateAsync("a", ("sku", S("S-2"))), StatusCode.AlreadyExists, "RESOURCE_ALREADY_EXISTS");

        var (_, _, dangling) = await Errors.AssertFailsAsync(() => w.CreateAsync("c", ("sku", S("S-3")), ("parent", S("nope"))),
            StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["entity.attributes.parent"], dangling.Fields());
        var child = await w.CreateAsync("c", ("sku", S("S-3")), ("parent", S("a")));
        Assert.Equal("a", child.Attributes.Fields["parent"].StringValue);

        // A soft delete frees the unique value; undelete is refused while another entity holds it.
        await w.Entities.DeleteEntityAsync(new DeleteEntityRequest { Name = first.Name });
        var reuse = await w.CreateAsync("d", ("sku", S("S-1")));
        await Errors.AssertFailsAsync(() => w.Entities.UndeleteEntityAsync(new UndeleteEntityRequest { Name = first.Name }).ResponseAsync,
            StatusCode.AlreadyExists, "VALUE_ALREADY_TAKEN");
        await w.Entities.DeleteEntityAsync(new DeleteEntityRequest { Name = reuse.Name });
        var back = await w.Entities.UndeleteEntityAsync(new UndeleteEntityRequest { Name = first.Name });
        Assert.Null(back.DeleteTime);
        Assert.Equal(3, back.Version);
    }

    [Fact]
    public async Task Update_honours_mask_and_etag_and_every_write_is_a_revision_that_can_be_restored()
    {
        var w = await EntityWorld.CreateAsync(fx);
        var created = await w.CreateAsync("e", ("sku", S("E-1")), ("price", S("10")), ("qty", S("1")));

        var updated = await w.Entities.UpdateEntityAsync(new UpdateEntityRequest
        {
            Entity = new Entity { Name = created.Name, Etag = created.Etag, Attributes = Attrs(("price", S("11.25")), ("qty", S("999"))) },
            UpdateMask = new FieldMask { Paths = { "attributes.price" } },
            RequestId = "upd-1",
        });
        Assert.Equal("11.25", updated.Attributes.Fields["price"].StringValue);
        Assert.Equal("1", updated.Attributes.Fields["qty"].StringValue); // not in the mask
        Assert.Equal(2, updated.Version);

        await Errors.AssertFailsAsync(() => w.Entities.UpdateEntityAsync(new UpdateEntityRequest
        {
            Entity = new Entity { Name = created.Name, Etag = created.Etag, Attributes = Attrs(("qty", S("2"))) },
        }).ResponseAsync, StatusCode.FailedPrecondition, "ETAG_MISMATCH");

        // A masked attribute without a value is cleared; a required one cannot be.
        var cleared = await w.Entities.UpdateEntityAsync(new UpdateEntityRequest
        {
            Entity = new Entity { Name = created.Name },
            UpdateMask = new FieldMask { Paths = { "attributes.qty" } },
        });
        Assert.False(cleared.Attributes.Fields.ContainsKey("qty"));
        await Errors.AssertFailsAsync(() => w.Entities.UpdateEntityAsync(new UpdateEntityRequest
        {
            Entity = new Entity { Name = created.Name },
            UpdateMask = new FieldMask { Paths = { "attributes.sku" } },
        }).ResponseAsync, StatusCode.InvalidArgument, "VALIDATION_FAILED");

        await w.Entities.DeleteEntityAsync(new DeleteEntityRequest { Name = created.Name, Etag = cleared.Etag });
        await Errors.AssertFailsAsync(() => w.Entities.UpdateEntityAsync(new UpdateEntityRequest
        {
            Entity = new Entity { Name = created.Name, Attributes = Attrs(("qty", S("3"))) },
        }).ResponseAsync, StatusCode.FailedPrecondition, "INVALID_STATE");
        await w.Entities.UndeleteEntityAsync(new UndeleteEntityRequest { Name = created.Name });

        var history = await w.Entities.ListEntityRevisionsAsync(new ListEntityRevisionsRequest { Parent = created.Name, PageSize = 2 });
        var rest = await w.Entities.ListEntityRevisionsAsync(new ListEntityRevisionsRequest { Parent = created.Name, PageSize = 10, PageToken = history.NextPageToken });
        var all = history.Revisions.Concat(rest.Revisions).ToList();
        Assert.Equal([5L, 4, 3, 2, 1], all.Select(r => r.Version));
        Assert.Equal(
            [RevisionOperation.Undelete, RevisionOperation.Delete, RevisionOperation.Update, RevisionOperation.Update, RevisionOperation.Create],
            all.Select(r => r.Operation));
        var second = all.Single(r => r.Version == 2);
        var change = Assert.Single(second.Changes);
        Assert.Equal(("price", "10", "11.25"), (change.Attribute, change.OldValue.StringValue, change.NewValue.StringValue));
        Assert.Equal("upd-1", second.RequestId);
        Assert.StartsWith("apiKeys/", second.Principal);

        var asWas = await w.Entities.GetEntityRevisionAsync(new GetEntityRevisionRequest { Name = $"{created.Name}/revisions/2" });
        Assert.Equal("1", asWas.Entity.Attributes.Fields["qty"].StringValue);
        Assert.Equal("11.25", asWas.Entity.Attributes.Fields["price"].StringValue);

        var restored = await w.Entities.RestoreEntityRevisionAsync(new RestoreEntityRevisionRequest { Name = $"{created.Name}/revisions/1" });
        Assert.Equal(6, restored.Version);
        Assert.Equal("10", restored.Attributes.Fields["price"].StringValue);
        Assert.Equal("1", restored.Attributes.Fields["qty"].StringValue);
        var latest = await w.Entities.GetEntityRevisionAsync(new GetEntityRevisionRequest { Name = $"{created.Name}/revisions/6" });
        Assert.Equal(RevisionOperation.Restore, latest.Operation);
        await Errors.AssertFailsAsync(() => w.Entities.GetEntityRevisionAsync(new GetEntityRevisionRequest { Name = $"{created.Name}/revisions/99" }).ResponseAsync,
            StatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task Batch_create_is_all_or_nothing_and_batch_get_keeps_order()
    {
        var w = await EntityWorld.CreateAsync(fx);
        var batch = new BatchCreateEntitiesRequest { Parent = w.Parent, RequestId = Guid.NewGuid().ToString() };
        batch.Requests.Add(new CreateEntityRequest { Entity = new Entity { Attributes = Attrs(("sku", S("B-1"))) } });
        batch.Requests.Add(new CreateEntityRequest { Entity = new Entity { Attributes = Attrs(("sku", S("B-2")), ("price", S("-3"))) } });
        var (_, _, bad) = await Errors.AssertFailsAsync(() => w.Entities.BatchCreateEntitiesAsync(batch).ResponseAsync, StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["requests[1].entity.attributes.price"], bad.Fields());
        var none = await w.Entities.ListEntitiesAsync(new ListEntitiesRequest { Parent = w.Parent });
        Assert.Empty(none.Entities);

        batch.Requests[1].Entity.Attributes.Fields["price"] = S("3");
        batch.RequestId = Guid.NewGuid().ToString();
        var created = await w.Entities.BatchCreateEntitiesAsync(batch);
        Assert.Equal(2, created.Entities.Count);
        Assert.Equal(created, await w.Entities.BatchCreateEntitiesAsync(batch)); // replay: the same entities

        var got = await w.Entities.BatchGetEntitiesAsync(new BatchGetEntitiesRequest
        {
            Parent = w.Parent,
            Names = { created.Entities[1].Name, created.Entities[0].Name },
        });
        Assert.Equal([created.Entities[1].Name, created.Entities[0].Name], got.Entities.Select(e => e.Name));
        await Errors.AssertFailsAsync(() => w.Entities.BatchGetEntitiesAsync(new BatchGetEntitiesRequest
        {
            Parent = w.Parent,
            Names = { created.Entities[0].Name, $"{w.Parent}/entities/missing" },
        }).ResponseAsync, StatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task Entities_count_against_the_plan_and_deletes_give_them_back()
    {
        var w = await EntityWorld.CreateAsync(fx, Quota.QuotaScenario.Unlimited("entity_types"), Quota.QuotaScenario.Allocation("entities", 2));
        await w.CreateAsync("q1", ("sku", S("Q-1")));
        var second = await w.CreateAsync("q2", ("sku", S("Q-2")));
        await Errors.AssertFailsAsync(() => w.CreateAsync("q3", ("sku", S("Q-3"))), StatusCode.ResourceExhausted, "QUOTA_EXCEEDED");
        await w.Entities.DeleteEntityAsync(new DeleteEntityRequest { Name = second.Name });
        await w.CreateAsync("q3", ("sku", S("Q-3")));
        await Errors.AssertFailsAsync(() => w.Entities.UndeleteEntityAsync(new UndeleteEntityRequest { Name = second.Name }).ResponseAsync,
            StatusCode.ResourceExhausted, "QUOTA_EXCEEDED");

        var quota = await w.Scenario.TenantQuota.GetQuotaAsync(new Platform.Quota.V1.GetQuotaRequest { Name = w.Scenario.QuotaName });
        Assert.Equal(2, quota.Limits.Single(l => l.Limit.Metric == "entities").Usage);
    }

    [Fact]
    public async Task A_type_with_entities_is_deleted_only_with_force_and_narrowing_changes_check_the_data()
    {
        var w = await EntityWorld.CreateAsync(fx);
        await w.CreateAsync("n1", ("sku", S("N-1")), ("status", S("DRAFT")));
        await w.CreateAsync("n2", ("sku", S("N-2")), ("qty", S("5")));

        // Removing an enum value in use, or requiring a value some entities lack, names them.
        var type = await w.Types.GetEntityTypeAsync(new GetEntityTypeRequest { Name = w.Parent });
        var narrowed = type.Clone();
        narrowed.Attributes.Single(a => a.Key == "status").Constraints.EnumValues.Remove("DRAFT");
        var (status, info, _) = await Errors.AssertFailsAsync(() => w.Types.UpdateEntityTypeAsync(new UpdateEntityTypeRequest { EntityType = narrowed }).ResponseAsync,
            StatusCode.FailedPrecondition, "INVALID_STATE");
        Assert.Equal("1", info.Metadata["violating_entities"]);
        Assert.Contains($"{w.Parent}/entities/n1", status.Message);

        var required = type.Clone();
        required.Attributes.Single(a => a.Key == "qty").Required = true;
        (_, info, _) = await Errors.AssertFailsAsync(() => w.Types.UpdateEntityTypeAsync(new UpdateEntityTypeRequest { EntityType = required }).ResponseAsync,
            StatusCode.FailedPrecondition, "INVALID_STATE");
        Assert.Equal("1", info.Metadata["violating_entities"]);

        await Errors.AssertFailsAsync(() => w.Types.DeleteEntityTypeAsync(new DeleteEntityTypeRequest { Name = w.Parent }).ResponseAsync,
            StatusCode.FailedPrecondition, "INVALID_STATE");
        await w.Types.DeleteEntityTypeAsync(new DeleteEntityTypeRequest { Name = w.Parent, Force = true });
        var quota = await w.Scenario.TenantQuota.GetQuotaAsync(new Platform.Quota.V1.GetQuotaRequest { Name = w.Scenario.QuotaName });
        Assert.All(quota.Limits.Where(l => l.Limit.Metric is "entities" or "storage_bytes" or "entity_types"), l => Assert.Equal(0, l.Usage));

        // The id is free again and the new type starts empty.
        var again = await w.Types.CreateEntityTypeAsync(new CreateEntityTypeRequest { Parent = w.Scenario.Tenant.Name, EntityTypeId = "product", EntityType = Product() });
        Assert.Empty((await w.Entities.ListEntitiesAsync(new ListEntitiesRequest { Parent = again.Name, ShowDeleted = true })).Entities);
    }

    [Fact]
    public async Task Storage_bytes_follow_creates_updates_and_deletes()
    {
        var w = await EntityWorld.CreateAsync(fx, Quota.QuotaScenario.Unlimited("entity_types"), Quota.QuotaScenario.Unlimited("storage_bytes"));
        async Task<long> UsedAsync() => (await w.Scenario.TenantQuota.GetQuotaAsync(new Platform.Quota.V1.GetQuotaRequest { Name = w.Scenario.QuotaName }))
            .Limits.Single(l => l.Limit.Metric == "storage_bytes").Usage;

        var e = await w.CreateAsync("s1", ("sku", S("S-1")));
        var small = await UsedAsync();
        Assert.True(small > 0);
        await w.Entities.UpdateEntityAsync(new UpdateEntityRequest { Entity = new Entity { Name = e.Name, Attributes = Attrs(("notes", S(new string('x', 1000)))) } });
        Assert.True(await UsedAsync() >= small + 1000);
        await w.Entities.DeleteEntityAsync(new DeleteEntityRequest { Name = e.Name });
        Assert.Equal(0, await UsedAsync());
    }
}
