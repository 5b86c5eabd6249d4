using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Access.V1;
using Platform.Api.V1;
using Platform.Client;
using Platform.Eav.V1;
using Platform.Integration.Tests.Infrastructure;
using Platform.Quota.V1;
using Platform.Tenancy.V1;

namespace Platform.Integration.Tests.Host;

public sealed class SqliteSdkFacadeTests(SqliteHostFixture fx) : SdkFacadeTests<SqliteHostFixture>(fx);

public sealed class PostgresSdkFacadeTests(PostgresHostFixture fx) : SdkFacadeTests<PostgresHostFixture>(fx);

/// <summary>
/// The C# SDK's hand-written parts against the real host: paging, idempotency, typed errors, gRPC-Web, and the
/// realistic flow (operator creates a tenant and key; the tenant creates an entity type and entities, pages through
/// them, and meets a validation and a permission error).
/// </summary>
public abstract class SdkFacadeTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    private PlatformClient Client(bool grpcWeb = false, string? apiKey = null, HttpMessageHandler? handler = null) => new(new PlatformClientOptions
    {
        Address = fx.Factory.Server.BaseAddress,
        HttpHandler = handler ?? fx.Factory.Server.CreateHandler(),
        UseGrpcWeb = grpcWeb,
        ApiKey = apiKey ?? fx.OperatorKey,
    });

    [Fact]
    public async Task List_all_walks_every_page()
    {
        using var client = Client();
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            created.Add((await client.Tenants.CreateTenantAsync(new CreateTenantRequest
            {
                TenantId = "s" + Guid.NewGuid().ToString("N")[..12],
                Tenant = new Tenant { DisplayName = "sdk", Tier = Tenant.Types.Tier.Enterprise },
            })).Name);
        }

        var listed = new List<string>();
        await foreach (var t in client.Tenants.ListAllTenantsAsync(new ListTenantsRequest { PageSize = 2, Filter = "tier = ENTERPRISE" }))
        {
            listed.Add(t.Name);
        }

        Assert.Equal(created, listed.Where(created.Contains));
        Assert.Equal(listed.Distinct().Count(), listed.Count);
    }

    [Fact]
    public async Task Creates_get_a_request_id_so_resending_the_same_request_is_safe()
    {
        using var client = Client();
        var request = new CreateTenantRequest { TenantId = "s" + Guid.NewGuid().ToString("N")[..12], Tenant = new Tenant { DisplayName = "x" } };

        var first = await client.Tenants.CreateTenantAsync(request);
        Assert.NotEmpty(request.RequestId);
        var again = await client.Tenants.CreateTenantAsync(request);

        Assert.Equal(first, again);
    }

    [Fact]
    public async Task Errors_are_exposed_as_typed_values()
    {
        using var client = Client(grpcWeb: true);
        var e = await Assert.ThrowsAsync<RpcException>(() => client.Tenants.CreateTenantAsync(new CreateTenantRequest
        {
            TenantId = "Not Valid",
            Tenant = new Tenant { DisplayName = "" },
        }).ResponseAsync);

        var error = e.ToPlatformError();
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Equal("VALIDATION_FAILED", error.Reason);
        Assert.Equal(ErrorReason.ValidationFailed, error.KnownReason);
        Assert.Equal(["tenant.display_name", "tenant_id"], error.FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal));
    }

    // (sku, price sent, qty) and the canonical price that comes back: DECIMAL and INT64 are strings on the wire (qty
    // of P-6 is above 2^53), and decimals drop trailing zeros.
    private static readonly (string Sku, string Price, string Qty, string CanonicalPrice)[] Products =
    [
        ("P-1", "19.90", "5", "19.9"),
        ("P-2", "4.5", "12", "4.5"),
        ("P-3", "120", "0", "120"),
        ("P-4", "0.75", "300", "0.75"),
        ("P-5", "42.01", "1", "42.01"),
        ("P-6", "7", "9007199254740993", "7"),
        ("P-7", "1000.5", "2", "1000.5"),
    ];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Tenant_creates_entities_pages_through_them_and_gets_typed_errors(bool grpcWeb)
    {
        // The bootstrap operator key creates a tenant and an admin API key for it.
        string tenantName, secret;
        using (var op = Client(grpcWeb))
        {
            tenantName = (await op.Tenants.CreateTenantAsync(new CreateTenantRequest
            {
                TenantId = "s" + Guid.NewGuid().ToString("N")[..12],
                Tenant = new Tenant { DisplayName = "sdk entities" },
            })).Name;
            secret = (await op.CreateClient<AccessService.AccessServiceClient>().CreateApiKeyAsync(new CreateApiKeyRequest
            {
                Parent = tenantName,
                ApiKey = new ApiKey { DisplayName = "sdk", Roles = { "admin" } },
            })).Secret;
        }

        // As the tenant: an entity type, then 7 entities, the first with an explicit request_id and sent twice.
        using var counter = new RpcCounter(fx.Factory.Server.CreateHandler());
        using var platform = Client(grpcWeb, secret, counter);
        var entities = platform.CreateClient<EntityService.EntityServiceClient>();
        var type = await platform.CreateClient<EntityTypeService.EntityTypeServiceClient>().CreateEntityTypeAsync(new CreateEntityTypeRequest
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
        Assert.Equal($"{tenantName}/entityTypes/product", type.Name);

        var created = new List<Entity>();
        foreach (var (sku, price, qty, canonicalPrice) in Products)
        {
            var request = new CreateEntityRequest { Parent = type.Name, Entity = Product(sku, price, qty) };
            if (created.Count == 0)
            {
                request.RequestId = "req-" + Guid.NewGuid().ToString("N");
            }

            var entity = await entities.CreateEntityAsync(request);
            Assert.StartsWith($"{type.Name}/entities/", entity.Name, StringComparison.Ordinal);
            Assert.Equal(1, entity.Version);
            Assert.Equal([("price", canonicalPrice), ("qty", qty), ("sku", sku)], Attributes(entity));
            if (created.Count == 0)
            {
                Assert.StartsWith("req-", request.RequestId, StringComparison.Ordinal);
                Assert.Equal(entity, await entities.CreateEntityAsync(request));
            }

            created.Add(entity);
        }

        Assert.Equal(Products.Length, created.Select(e => e.Name).Distinct().Count());

        // ListAllEntitiesAsync walks pages of 3 ordered by price: 3 ListEntities calls for 7 entities.
        var listRequest = new ListEntitiesRequest { Parent = type.Name, PageSize = 3, OrderBy = "attributes.price" };
        var callsBefore = counter.Count("/platform.eav.v1.EntityService/ListEntities");
        var skus = new List<string>();
        await foreach (var entity in entities.ListAllEntitiesAsync(listRequest, TestContext.Current.CancellationToken))
        {
            skus.Add(entity.Attributes.Fields["sku"].StringValue);
        }

        Assert.Equal(Products.OrderBy(p => decimal.Parse(p.Price, System.Globalization.CultureInfo.InvariantCulture)).Select(p => p.Sku), skus);
        Assert.Equal(3, counter.Count("/platform.eav.v1.EntityService/ListEntities") - callsBefore);
        Assert.Equal(new ListEntitiesRequest { Parent = type.Name, PageSize = 3, OrderBy = "attributes.price" }, listRequest);

        var filtered = await entities.ListAllEntitiesAsync(new ListEntitiesRequest { Parent = type.Name, Filter = "attributes.sku = \"P-6\"" })
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([("price", "7"), ("qty", "9007199254740993"), ("sku", "P-6")], Attributes(Assert.Single(filtered)));

        // A bad DECIMAL: INVALID_ARGUMENT, VALIDATION_FAILED, one field violation naming the attribute.
        var invalid = (await Assert.ThrowsAsync<RpcException>(() => entities.CreateEntityAsync(new CreateEntityRequest
        {
            Parent = type.Name,
            Entity = Product("P-bad", "abc", "1"),
        }).ResponseAsync)).ToPlatformError();
        Assert.Equal(StatusCode.InvalidArgument, invalid.StatusCode);
        Assert.Equal(ErrorReason.ValidationFailed, invalid.KnownReason);
        Assert.Equal(PlatformError.PlatformDomain, invalid.Domain);
        var violation = Assert.Single(invalid.FieldViolations);
        Assert.Equal("entity.attributes.price", violation.Field);
        Assert.Contains("DECIMAL", violation.Description, StringComparison.Ordinal);

        // A key whose role lacks entities.create reads the entities but is PERMISSION_DENIED on create.
        var access = platform.CreateClient<AccessService.AccessServiceClient>();
        await access.CreateRoleAsync(new CreateRoleRequest
        {
            Parent = tenantName,
            RoleId = "catalog-reader",
            Role = new Role { DisplayName = "Catalog reader", Permissions = { "entityTypes.get", "entities.get", "entities.list" } },
        });
        var readerKey = (await access.CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Parent = tenantName,
            ApiKey = new ApiKey { DisplayName = "reader", Roles = { "catalog-reader" } },
        })).Secret;
        using (var reader = Client(grpcWeb, readerKey))
        {
            var readerEntities = reader.CreateClient<EntityService.EntityServiceClient>();
            Assert.Equal(Products.Length, await readerEntities.ListAllEntitiesAsync(new ListEntitiesRequest { Parent = type.Name, PageSize = 3 })
                .CountAsync(TestContext.Current.CancellationToken));
            var denied = (await Assert.ThrowsAsync<RpcException>(() => readerEntities.CreateEntityAsync(new CreateEntityRequest
            {
                Parent = type.Name,
                Entity = Product("P-8", "1", "1"),
            }).ResponseAsync)).ToPlatformError();
            Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
            Assert.Equal("PERMISSION_DENIED", denied.Reason);
            Assert.Equal(ErrorReason.PermissionDenied, denied.KnownReason);
            Assert.Equal("entities.create", denied.Metadata["permission"]);
            Assert.Empty(denied.FieldViolations);
        }

        // An operator-only RPC is denied to the tenant's admin key the same way.
        var planDenied = (await Assert.ThrowsAsync<RpcException>(() => platform.CreateClient<PlanService.PlanServiceClient>().CreatePlanAsync(
            new CreatePlanRequest { PlanId = "p" + Guid.NewGuid().ToString("N")[..12], Plan = new Plan { DisplayName = "x" } }).ResponseAsync)).ToPlatformError();
        Assert.Equal(ErrorReason.PermissionDenied, planDenied.KnownReason);
        Assert.Equal("plans.create", planDenied.Metadata["permission"]);

        Assert.Equal(Products.Length, await entities.ListAllEntitiesAsync(new ListEntitiesRequest { Parent = type.Name })
            .CountAsync(TestContext.Current.CancellationToken));
    }

    private static Entity Product(string sku, string price, string qty) => new()
    {
        Attributes = new Struct
        {
            Fields = { ["sku"] = Value.ForString(sku), ["price"] = Value.ForString(price), ["qty"] = Value.ForString(qty) },
        },
    };

    private static (string Key, string Value)[] Attributes(Entity entity) =>
        [.. entity.Attributes.Fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => (f.Key, f.Value.StringValue))];

    /// <summary>Counts the gRPC calls (by request path) that go through the SDK's transport.</summary>
    private sealed class RpcCounter(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);

        public int Count(string path) => _calls.GetValueOrDefault(path);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            _calls.AddOrUpdate(request.RequestUri!.AbsolutePath, 1, (_, n) => n + 1);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
