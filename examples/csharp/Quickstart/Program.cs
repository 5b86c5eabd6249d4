// Quickstart for the C# SDK (examples/README.md). Needs a running host:
//   PLATFORM_GRPC_URL=http://127.0.0.1:5080 PLATFORM_OPERATOR_KEY=tk_... dotnet run --project examples/csharp/Quickstart
// Prints "quickstart ok" and exits 0 on success; any failure throws (exit code non-zero).
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
var access = platform.CreateClient<AccessService.AccessServiceClient>();
var entityTypes = platform.CreateClient<EntityTypeService.EntityTypeServiceClient>();

var me = await platform.Tenants.GetTenantAsync(new GetTenantRequest { Name = tenantName });
Console.WriteLine($"tenant: {me.Name} ({me.DisplayName})");

var entityType = await entityTypes.CreateEntityTypeAsync(new CreateEntityTypeRequest
{
    Parent = tenantName,
    EntityTypeId = "customer",
    EntityType = new EntityType
    {
        DisplayName = "Customer",
        Attributes = { new AttributeDefinition { Key = "email", Type = AttributeType.String, Required = true } },
    },
});
Console.WriteLine($"entity type: {entityType.Name}");

// request_id is filled automatically, so retrying a create is safe.
foreach (var id in new[] { "reader", "writer", "auditor" })
{
    await access.CreateRoleAsync(new CreateRoleRequest
    {
        Parent = tenantName,
        RoleId = id,
        Role = new Role { DisplayName = id, Permissions = { "tenants.get" } },
    });
}

// Pagination: every role across pages of 2 (built-in roles included).
var roles = Pagination.ReadAllAsync(
    async (token, ct) => await access.ListRolesAsync(
        new ListRolesRequest { Parent = tenantName, PageSize = 2, PageToken = token }, cancellationToken: ct),
    page => page.Roles,
    page => page.NextPageToken);
var custom = 0;
await foreach (var role in roles)
{
    Console.WriteLine($"role: {role.Name}");
    if (role.Name.EndsWith("/roles/reader", StringComparison.Ordinal) || role.Name.EndsWith("/roles/writer", StringComparison.Ordinal)
        || role.Name.EndsWith("/roles/auditor", StringComparison.Ordinal))
    {
        custom++;
    }
}

if (custom != 3)
{
    throw new InvalidOperationException($"expected 3 custom roles, listed {custom}");
}

// Errors: an invalid role id fails validation with a typed reason and field violations.
try
{
    await access.CreateRoleAsync(new CreateRoleRequest
    {
        Parent = tenantName,
        RoleId = "Bad Id",
        Role = new Role { Permissions = { "tenants.get" } },
    });
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

    if (error.KnownReason != Platform.Api.V1.ErrorReason.ValidationFailed || error.FieldViolations.Count == 0)
    {
        throw new InvalidOperationException($"unexpected error: {error}");
    }
}

Console.WriteLine("quickstart ok");
