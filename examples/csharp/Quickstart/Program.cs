// Quickstart for the C# SDK (examples/README.md). Needs a running host:
//   PLATFORM_GRPC_URL=http://127.0.0.1:5080 PLATFORM_OPERATOR_KEY=tk_... dotnet run --project examples/csharp/Quickstart
// Prints "quickstart ok" and exits 0 on success; any failure throws (exit code non-zero).
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Access.V1;
using Platform.Client;
using Platform.Eav.V1;
using Platform.Tenancy.V1;

var url = Environment.GetEnvironmentVariable("PLATFORM_GRPC_URL") ?? throw new InvalidOperationException("set PLATFORM_GRPC_URL");
var operatorKey = Environment.GetEnvironmentVariable("PLATFORM_OPERATOR_KEY") ?? throw new InvalidOperationException("set PLATFORM_OPERATOR_KEY");

// 1. As the operator: create a tenant and an API key for it (the secret is returned once).
string tenantName, tenantKey;
using (var op = new PlatformClient(new PlatformClientOptions { Address = new Uri(url), ApiKey = operatorKey }))
{
    var tenantId = "qs" + Guid.NewGuid().ToString("N")[..10];
    var tenant = await op.Tenants.CreateTenantAsync(new CreateTenantRequest
    {
        TenantId = tenantId,
        Tenant = new Tenant { DisplayName = "Quickstart " + tenantId },
    });
    var key = await op.CreateClient<AccessService.AccessServiceClient>().CreateApiKeyAsync(new CreateApiKeyRequest
    {
        Parent = tenant.Name,
        ApiKey = new ApiKey { DisplayName = "quickstart", Roles = { "admin" } },
    });
    tenantName = tenant.Name;
    tenantKey = key.Secret;
    Console.WriteLine($"created {tenantName} and an API key");
}

// 2. As the tenant.
using var platform = new PlatformClient(new PlatformClientOptions { Address = new Uri(url), ApiKey = tenantKey });
var entityTypes = platform.CreateClient<EntityTypeService.EntityTypeServiceClient>();
var entities = platform.CreateClient<EntityService.EntityServiceClient>();

var me = await platform.Tenants.GetTenantAsync(new GetTenantRequest { Name = tenantName });
Console.WriteLine($"tenant: {me.Name} ({me.DisplayName})");

var product = await entityTypes.CreateEntityTypeAsync(new CreateEntityTypeRequest
{
    Parent = tenantName,
    EntityTypeId = "product",
    EntityType = new EntityType
    {
        DisplayName = "Product",
        Attributes =
        {
            new AttributeDefinition { Key = "sku", Type = AttributeType.String, Required = true, Unique = true, Filterable = true },
            new AttributeDefinition { Key = "price", Type = AttributeType.Decimal, Sortable = true },
            new AttributeDefinition { Key = "qty", Type = AttributeType.Int64 },
        },
    },
});
Console.WriteLine($"entity type: {product.Name}");

// Attributes are a google.protobuf.Struct; DECIMAL and INT64 values travel as strings so no digit is lost.
// request_id is filled automatically, so retrying a create is safe.
static Entity Product(string sku, string price, string qty) => new()
{
    Attributes = new Struct { Fields = { ["sku"] = Value.ForString(sku), ["price"] = Value.ForString(price), ["qty"] = Value.ForString(qty) } },
};
foreach (var (sku, price, qty) in new[] { ("A-100", "19.90", "5"), ("B-200", "4.50", "12"), ("C-300", "120", "1"), ("D-400", "0.99", "300"), ("E-500", "42", "7") })
{
    await entities.CreateEntityAsync(new CreateEntityRequest { Parent = product.Name, Entity = Product(sku, price, qty) });
}

// Pagination: every product, cheapest first, fetched in pages of 2.
var listed = 0;
await foreach (var e in entities.ListAllEntitiesAsync(new ListEntitiesRequest { Parent = product.Name, PageSize = 2, OrderBy = "attributes.price" }))
{
    var a = e.Attributes.Fields;
    Console.WriteLine($"product: {a["sku"].StringValue} price={a["price"].StringValue} qty={a["qty"].StringValue}");
    listed++;
}

if (listed != 5)
{
    throw new InvalidOperationException($"expected 5 products, listed {listed}");
}

// Errors: a price that is not a decimal fails validation with a typed reason and a field violation.
try
{
    await entities.CreateEntityAsync(new CreateEntityRequest { Parent = product.Name, Entity = Product("F-600", "abc", "1") });
    throw new InvalidOperationException("expected INVALID_ARGUMENT");
}
catch (RpcException ex)
{
    var error = ex.ToPlatformError();
    Console.WriteLine($"error: {error.StatusCode} reason={error.Reason}");
    foreach (var v in error.FieldViolations)
    {
        Console.WriteLine($"  {v.Field}: {v.Description}");
    }

    if (error.KnownReason != Platform.Api.V1.ErrorReason.ValidationFailed || error.FieldViolations.All(v => v.Field != "entity.attributes.price"))
    {
        throw new InvalidOperationException($"unexpected error: {error}");
    }
}

Console.WriteLine("quickstart ok");
