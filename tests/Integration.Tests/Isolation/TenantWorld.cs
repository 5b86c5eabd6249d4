using Platform.Access.V1;
using Platform.Audit.V1;
using Platform.Eav.V1;
using Platform.Integration.Tests.Infrastructure;
using Platform.Tenancy.V1;

namespace Platform.Integration.Tests.Isolation;

/// <summary>One tenant with at least one resource of every type that exists, and an admin key.</summary>
public sealed record TenantWorld(Tenant Tenant, string Secret, string KeyName, string MemberName, string RoleName, string AuditEventName, string EntityTypeName, string EntityName,
    string? OperationName = null)
{
    public string Id => Tenant.TenantId;

    /// <summary>Fills a URL pattern such as "tenants/*/apiKeys/*" with this tenant's resources.</summary>
    public string? Fill(string pattern)
    {
        var segments = pattern.Split('/');
        if (segments[0] != "tenants")
        {
            return null; // platform-level names are not any tenant's
        }

        for (var i = 1; i < segments.Length; i += 2)
        {
            if (segments[i] != "*")
            {
                continue;
            }

            segments[i] = segments[i - 1] switch
            {
                "tenants" => Id,
                "apiKeys" => Last(KeyName),
                "members" => Last(MemberName),
                "roles" => Last(RoleName),
                "auditEvents" => Last(AuditEventName),
                "entityTypes" => Last(EntityTypeName),
                "entities" => Last(EntityName),
                "revisions" => "1",
                "operations" when OperationName is not null => Last(OperationName),
                _ => "x" + Id, // a collection this battery does not seed yet: still this tenant's path
            };
        }

        return string.Join('/', segments);
    }

    public static async Task<TenantWorld> CreateAsync(HostFixture fx)
    {
        var tenant = await fx.CreateTenantAsync(TenantSetup.NewId("iso"));
        var (secret, key) = await fx.CreateKeyAsync(tenant.Name, "admin");
        var access = new AccessService.AccessServiceClient(fx.Operator);
        var member = await access.CreateMemberAsync(new CreateMemberRequest
        {
            Parent = tenant.Name,
            Member = new Member { Subject = "user-" + tenant.TenantId, Roles = { "viewer" } },
        });
        var role = await access.CreateRoleAsync(new CreateRoleRequest
        {
            Parent = tenant.Name,
            RoleId = "support",
            Role = new Role { DisplayName = "Support", Permissions = { "tenants.get" } },
        });

        var entityType = await new EntityTypeService.EntityTypeServiceClient(fx.Operator).CreateEntityTypeAsync(new CreateEntityTypeRequest
        {
            Parent = tenant.Name,
            EntityTypeId = "product",
            EntityType = new EntityType
            {
                DisplayName = "Product",
                Attributes = { new AttributeDefinition { Key = "sku", Type = AttributeType.String, Required = true, Unique = true } },
            },
        });

        var entity = await new EntityService.EntityServiceClient(fx.Operator).CreateEntityAsync(new CreateEntityRequest
        {
            Parent = entityType.Name,
            EntityId = "widget",
            Entity = new Entity { Attributes = new Google.Protobuf.WellKnownTypes.Struct { Fields = { ["sku"] = Google.Protobuf.WellKnownTypes.Value.ForString("W-" + tenant.TenantId) } } },
        });

        var reindex = await new Platform.Search.V1.SearchService.SearchServiceClient(fx.Operator).ReindexEntityTypeAsync(
            new Platform.Search.V1.ReindexEntityTypeRequest { Name = entityType.Name });
        var audit = new AuditService.AuditServiceClient(fx.Operator);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var events = await audit.ListAuditEventsAsync(new ListAuditEventsRequest { Parent = tenant.Name, PageSize = 1 });
            if (events.AuditEvents.Count > 0)
            {
                return new TenantWorld(tenant, secret, key.Name, member.Name, role.Name, events.AuditEvents[0].Name, entityType.Name, entity.Name, reindex.Name);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No audit event appeared for {tenant.Name}.");
            }

            await Task.Delay(100);
        }
    }

    private static string Last(string name) => name[(name.LastIndexOf('/') + 1)..];
}
