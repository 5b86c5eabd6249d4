using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Eav.V1;
using Platform.Integration.Tests.Infrastructure;
using Platform.Integration.Tests.Quota;
using static Platform.Integration.Tests.Quota.QuotaScenario;

namespace Platform.Integration.Tests.Eav;

public sealed class SqliteEntityTypeTests(SqliteHostFixture fx) : EntityTypeContractTests<SqliteHostFixture>(fx);

public sealed class PostgresEntityTypeTests(PostgresHostFixture fx) : EntityTypeContractTests<PostgresHostFixture>(fx);

/// <summary>EntityTypeService: CRUD, idempotency, validation, schema evolution, etags and the entity_types limit.</summary>
public abstract class EntityTypeContractTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private static readonly FieldMask AttributesMask = new() { Paths = { "attributes" } };

    private async Task<(EntityTypeService.EntityTypeServiceClient Client, string Parent)> TenantAsync(params Platform.Quota.V1.Limit[] limits)
    {
        var scenario = await QuotaScenario.CreateAsync(fx, limits.Length == 0 ? [Unlimited("entity_types")] : limits);
        return (new EntityTypeService.EntityTypeServiceClient(scenario.Caller), scenario.Tenant.Name);
    }

    private static EntityType Product() => new()
    {
        DisplayName = "Product",
        Description = "Things we sell",
        Attributes =
        {
            new AttributeDefinition { Key = "sku", Type = AttributeType.String, Required = true, Unique = true, Filterable = true },
            new AttributeDefinition
            {
                Key = "status", Type = AttributeType.Enum, Filterable = true, Default = Value.ForString("ACTIVE"),
                Constraints = new AttributeConstraints { EnumValues = { "ACTIVE", "RETIRED" } },
            },
            new AttributeDefinition
            {
                Key = "price", Type = AttributeType.Decimal, Sortable = true, DisplayName = "Price",
                Constraints = new AttributeConstraints { Min = Value.ForString("0"), Max = Value.ForNumber(1000000) },
            },
            new AttributeDefinition { Key = "tags", Type = AttributeType.String, Repeated = true, Default = Value.ForList(Value.ForString("new")) },
            new AttributeDefinition { Key = "notes", Type = AttributeType.Text, Searchable = true, Constraints = new AttributeConstraints { MaxLength = 5000 } },
            new AttributeDefinition { Key = "stock", Type = AttributeType.Int64, Default = Value.ForString("9007199254740993") },
            new AttributeDefinition { Key = "location", Type = AttributeType.GeoPoint },
            new AttributeDefinition
            {
                Key = "parent", Type = AttributeType.Reference, Constraints = new AttributeConstraints { ReferenceTypeId = "product" },
            },
        },
        QueryHints = { new QueryHint { FilterKeys = { "status" }, SortKey = "price" } },
    };

    /// <summary>The type without index states, which the background builder changes at any moment.</summary>
    private static EntityType Schema(EntityType type)
    {
        var copy = type.Clone();
        foreach (var attribute in copy.Attributes)
        {
            attribute.IndexState = IndexState.Unspecified;
        }

        return copy;
    }

    [Fact]
    public async Task Types_are_created_idempotently_with_every_attribute_field_and_read_back()
    {
        var (types, parent) = await TenantAsync();
        var request = new CreateEntityTypeRequest { Parent = parent, EntityTypeId = "product", EntityType = Product(), RequestId = Guid.NewGuid().ToString() };
        var created = await types.CreateEntityTypeAsync(request);
        Assert.Equal(Schema(created), Schema(await types.CreateEntityTypeAsync(request)));
        Assert.Equal($"{parent}/entityTypes/product", created.Name);
        Assert.Equal(1, created.SchemaRevision);
        Assert.NotEmpty(created.Etag);
        Assert.NotNull(created.CreateTime);

        var got = await types.GetEntityTypeAsync(new GetEntityTypeRequest { Name = created.Name });
        Assert.Equal(Schema(created), Schema(got));
        var price = got.Attributes.Single(a => a.Key == "price");
        Assert.Equal("0", price.Constraints.Min.StringValue);
        Assert.Equal("1000000", price.Constraints.Max.StringValue);
        Assert.Contains(price.IndexState, new[] { IndexState.Building, IndexState.Ready }); // built in the background
        Assert.Equal("Price", price.DisplayName);
        Assert.Equal("9007199254740993", got.Attributes.Single(a => a.Key == "stock").Default.StringValue);
        Assert.Equal("new", got.Attributes.Single(a => a.Key == "tags").Default.ListValue.Values.Single().StringValue);
        Assert.Equal(IndexState.Unspecified, got.Attributes.Single(a => a.Key == "notes").IndexState);
        Assert.Equal(5000, got.Attributes.Single(a => a.Key == "notes").Constraints.MaxLength);
        Assert.Equal(["ACTIVE", "RETIRED"], got.Attributes.Single(a => a.Key == "status").Constraints.EnumValues);
        Assert.Equal("product", got.Attributes.Single(a => a.Key == "parent").Constraints.ReferenceTypeId);
        Assert.Equal("price", got.QueryHints.Single().SortKey);

        await Errors.AssertFailsAsync(async () => await types.CreateEntityTypeAsync(request.Clone().Apply(r => r.RequestId = "")),
            StatusCode.AlreadyExists, "RESOURCE_ALREADY_EXISTS");
        await Errors.AssertFailsAsync(async () => await types.CreateEntityTypeAsync(request.Clone().Apply(r => r.EntityType.DisplayName = "Other")),
            StatusCode.InvalidArgument, "REQUEST_ID_REUSED");
    }

    [Fact]
    public async Task Invalid_schemas_are_refused_naming_the_proto_field_path()
    {
        var (types, parent) = await TenantAsync();
        var type = Product();
        type.Attributes[2].Key = "Bad Key";
        type.Attributes[3].Type = AttributeType.Text; // TEXT cannot be repeated
        type.Attributes[5].Default = Value.ForString("not a number");
        type.Attributes.Add(new AttributeDefinition { Key = "orphan", Type = AttributeType.Unspecified });
        var (_, _, bad) = await Errors.AssertFailsAsync(async () => await types.CreateEntityTypeAsync(
            new CreateEntityTypeRequest { Parent = parent, EntityTypeId = "Bad_Id", EntityType = type }), StatusCode.InvalidArgument, "VALIDATION_FAILED");
        var fields = bad.Fields();
        Assert.Contains("entity_type.attributes[5].default", fields);
        Assert.Contains("entity_type_id", fields);
        Assert.Contains("entity_type.attributes[2].key", fields);
        Assert.Contains("entity_type.attributes[3].repeated", fields);
        Assert.Contains("entity_type.attributes[8].type", fields);

        (_, _, bad) = await Errors.AssertFailsAsync(async () => await types.CreateEntityTypeAsync(new CreateEntityTypeRequest
        {
            Parent = parent,
            EntityTypeId = "order",
            EntityType = new EntityType
            {
                Attributes = { new AttributeDefinition { Key = "product", Type = AttributeType.Reference, Constraints = new() { ReferenceTypeId = "missing" } } },
            },
        }), StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["entity_type.attributes[0].constraints.reference_type_id"], bad.Fields());
    }

    [Fact]
    public async Task Lists_page_by_id()
    {
        var (types, parent) = await TenantAsync();
        foreach (var id in new[] { "c-type", "a-type", "b-type" })
        {
            await types.CreateEntityTypeAsync(new CreateEntityTypeRequest { Parent = parent, EntityTypeId = id, EntityType = new EntityType { DisplayName = id } });
        }

        var first = await types.ListEntityTypesAsync(new ListEntityTypesRequest { Parent = parent, PageSize = 2 });
        var second = await types.ListEntityTypesAsync(new ListEntityTypesRequest { Parent = parent, PageSize = 2, PageToken = first.NextPageToken });
        Assert.Equal(["a-type", "b-type"], first.EntityTypes.Select(t => t.Name.Split('/')[^1]));
        Assert.Equal(["c-type"], second.EntityTypes.Select(t => t.Name.Split('/')[^1]));
        Assert.Empty(second.NextPageToken);
        await Errors.AssertFailsAsync(async () => await types.ListEntityTypesAsync(new ListEntityTypesRequest { Parent = parent, PageToken = "garbage" }),
            StatusCode.InvalidArgument, "INVALID_PAGE_TOKEN");
    }

    [Fact]
    public async Task A_type_sent_back_as_read_keeps_its_hidden_attributes_hidden()
    {
        var (types, parent) = await TenantAsync();
        var created = await types.CreateEntityTypeAsync(new CreateEntityTypeRequest { Parent = parent, EntityTypeId = "product", EntityType = Product() });
        var without = created.Clone();
        without.Attributes.Remove(without.Attributes.Single(a => a.Key == "location"));
        var hidden = await types.UpdateEntityTypeAsync(new UpdateEntityTypeRequest { EntityType = without, UpdateMask = AttributesMask });

        var again = await types.UpdateEntityTypeAsync(new UpdateEntityTypeRequest { EntityType = hidden, UpdateMask = AttributesMask });
        Assert.True(again.Attributes.Single(a => a.Key == "location").Hidden);
        Assert.Equal(hidden.Attributes.Count, again.Attributes.Count);
    }

    [Fact]
    public async Task Updates_follow_the_evolution_rules_and_etags()
    {
        var (types, parent) = await TenantAsync();
        var created = await types.CreateEntityTypeAsync(new CreateEntityTypeRequest { Parent = parent, EntityTypeId = "product", EntityType = Product() });

        // Allowed: add an attribute, add an enum value, drop one attribute (hidden, not deleted).
        var next = created.Clone();
        next.Attributes.Add(new AttributeDefinition { Key = "color", Type = AttributeType.String, Filterable = true });
        next.Attributes.Single(a => a.Key == "status").Constraints.EnumValues.Add("DRAFT");
        next.Attributes.Remove(next.Attributes.Single(a => a.Key == "location"));
        var updated = await types.UpdateEntityTypeAsync(new UpdateEntityTypeRequest { EntityType = next, UpdateMask = AttributesMask });
        Assert.Equal(2, updated.SchemaRevision);
        Assert.NotEqual(created.Etag, updated.Etag);
        Assert.True(updated.Attributes.Single(a => a.Key == "location").Hidden);
        Assert.Equal("Product", updated.DisplayName);

        // Needs a data check: required without default, unique, narrower enum. No entities exist, so accepted.
        var narrowing = updated.Clone();
        narrowing.Attributes.Remove(narrowing.Attributes.Single(a => a.Key == "location"));
        narrowing.Attributes.Single(a => a.Key == "color").Required = true;
        narrowing.Attributes.Single(a => a.Key == "color").Unique = true;
        narrowing.Attributes.Single(a => a.Key == "status").Constraints.EnumValues.Remove("RETIRED");
        var narrowed = await types.UpdateEntityTypeAsync(new UpdateEntityTypeRequest { EntityType = narrowing, UpdateMask = AttributesMask });
        Assert.Equal(3, narrowed.SchemaRevision);

        // Refused whatever the data: changing a type or the repeated flag.
        var refused = narrowed.Clone();
        refused.Attributes.Remove(refused.Attributes.Single(a => a.Key == "location"));
        var priceIndex = refused.Attributes.IndexOf(refused.Attributes.Single(a => a.Key == "price"));
        refused.Attributes[priceIndex].Type = AttributeType.Int64;
        refused.Attributes[priceIndex].Constraints = new AttributeConstraints();
        var (_, _, bad) = await Errors.AssertFailsAsync(async () => await types.UpdateEntityTypeAsync(
            new UpdateEntityTypeRequest { EntityType = refused, UpdateMask = AttributesMask }), StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal([$"entity_type.attributes[{priceIndex}].type"], bad.Fields());

        // A stale etag is refused; an update without one applies to the latest revision.
        await Errors.AssertFailsAsync(async () => await types.UpdateEntityTypeAsync(new UpdateEntityTypeRequest
        {
            EntityType = new EntityType { Name = created.Name, Etag = created.Etag, DisplayName = "stale" },
        }), StatusCode.FailedPrecondition, "ETAG_MISMATCH");
        var relabeled = await types.UpdateEntityTypeAsync(new UpdateEntityTypeRequest
        {
            EntityType = new EntityType { Name = created.Name, DisplayName = "Item" },
        });
        Assert.Equal("Item", relabeled.DisplayName);
        Assert.Equal(Schema(narrowed).Attributes, Schema(relabeled).Attributes);
        Assert.Equal(4, relabeled.SchemaRevision);

        await Errors.AssertFailsAsync(async () => await types.UpdateEntityTypeAsync(new UpdateEntityTypeRequest
        {
            EntityType = new EntityType { Name = $"{parent}/entityTypes/missing", DisplayName = "x" },
        }), StatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task Deletes_free_the_entity_types_allocation()
    {
        var (types, parent) = await TenantAsync(Allocation("entity_types", 1));
        var first = await types.CreateEntityTypeAsync(new CreateEntityTypeRequest { Parent = parent, EntityTypeId = "first", EntityType = new EntityType() });
        await Errors.AssertFailsAsync(async () => await types.CreateEntityTypeAsync(
            new CreateEntityTypeRequest { Parent = parent, EntityTypeId = "second", EntityType = new EntityType() }),
            StatusCode.ResourceExhausted, "QUOTA_EXCEEDED");

        await Errors.AssertFailsAsync(async () => await types.DeleteEntityTypeAsync(new DeleteEntityTypeRequest { Name = first.Name, Etag = "999" }),
            StatusCode.FailedPrecondition, "ETAG_MISMATCH");
        await types.DeleteEntityTypeAsync(new DeleteEntityTypeRequest { Name = first.Name, Etag = first.Etag });
        await Errors.AssertFailsAsync(async () => await types.GetEntityTypeAsync(new GetEntityTypeRequest { Name = first.Name }),
            StatusCode.NotFound, "RESOURCE_NOT_FOUND");
        await Errors.AssertFailsAsync(async () => await types.DeleteEntityTypeAsync(new DeleteEntityTypeRequest { Name = first.Name, Force = true }),
            StatusCode.NotFound, "RESOURCE_NOT_FOUND");

        var second = await types.CreateEntityTypeAsync(new CreateEntityTypeRequest { Parent = parent, EntityTypeId = "second", EntityType = new EntityType() });
        Assert.Equal($"{parent}/entityTypes/second", second.Name);
    }
}

internal static class MessageExtensions
{
    public static T Apply<T>(this T message, Action<T> change)
    {
        change(message);
        return message;
    }
}
