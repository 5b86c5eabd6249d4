using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Eav.V1;
using Platform.Integration.Tests.Infrastructure;
using Platform.Integration.Tests.Quota;
using static Platform.Integration.Tests.Quota.QuotaScenario;

namespace Platform.Integration.Tests.Eav;

/// <summary>A tenant with a "product" entity type and clients acting as that tenant's admin key.</summary>
public sealed record EntityWorld(QuotaScenario Scenario, EntityType Type)
{
    public EntityService.EntityServiceClient Entities => new(Scenario.Caller);

    public EntityTypeService.EntityTypeServiceClient Types => new(Scenario.Caller);

    public string Parent => Type.Name;

    public static async Task<EntityWorld> CreateAsync(HostFixture fx, params Platform.Quota.V1.Limit[] limits)
    {
        var scenario = await QuotaScenario.CreateAsync(fx, limits.Length == 0 ? [Unlimited("entity_types")] : limits);
        var type = await new EntityTypeService.EntityTypeServiceClient(scenario.Caller).CreateEntityTypeAsync(new CreateEntityTypeRequest
        {
            Parent = scenario.Tenant.Name,
            EntityTypeId = "product",
            EntityType = Product(),
        });
        return new EntityWorld(scenario, type);
    }

    public static EntityType Product() => new()
    {
        DisplayName = "Product",
        Attributes =
        {
            new AttributeDefinition { Key = "sku", Type = AttributeType.String, Required = true, Unique = true, Filterable = true },
            new AttributeDefinition
            {
                Key = "status", Type = AttributeType.Enum, Filterable = true, Sortable = true, Default = Value.ForString("ACTIVE"),
                Constraints = new AttributeConstraints { EnumValues = { "ACTIVE", "RETIRED", "DRAFT" } },
            },
            new AttributeDefinition
            {
                Key = "price", Type = AttributeType.Decimal, Filterable = true, Sortable = true,
                Constraints = new AttributeConstraints { Min = Value.ForString("0") },
            },
            new AttributeDefinition { Key = "qty", Type = AttributeType.Int64, Filterable = true, Sortable = true },
            new AttributeDefinition { Key = "tags", Type = AttributeType.String, Repeated = true, Filterable = true },
            new AttributeDefinition { Key = "released", Type = AttributeType.Timestamp, Filterable = true, Sortable = true },
            new AttributeDefinition { Key = "notes", Type = AttributeType.Text },
            new AttributeDefinition { Key = "active", Type = AttributeType.Bool, Filterable = true },
            new AttributeDefinition
            {
                Key = "parent", Type = AttributeType.Reference, Filterable = true,
                Constraints = new AttributeConstraints { ReferenceTypeId = "product" },
            },
        },
        QueryHints = { new QueryHint { FilterKeys = { "status" }, SortKey = "price" } },
    };

    public static Struct Attrs(params (string Key, Value Value)[] values)
    {
        var s = new Struct();
        foreach (var (key, value) in values)
        {
            s.Fields[key] = value;
        }

        return s;
    }

    public static Value S(string text) => Value.ForString(text);

    public Task<Entity> CreateAsync(string? id, params (string Key, Value Value)[] values) =>
        Entities.CreateEntityAsync(new CreateEntityRequest { Parent = Parent, EntityId = id ?? "", Entity = new Entity { Attributes = Attrs(values) } }).ResponseAsync;

    public static async Task<RpcException> FailsAsync(Func<Task> call) => await Assert.ThrowsAsync<RpcException>(call);
}
