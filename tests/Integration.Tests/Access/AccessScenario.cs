using Platform.Access.V1;
using Platform.Integration.Tests.Infrastructure;
using Platform.Tenancy.V1;

namespace Platform.Integration.Tests.Access;

/// <summary>A fresh tenant with an admin API key, and helpers to mint more principals in it.</summary>
public sealed class AccessScenario
{
    private AccessScenario(HostFixture fx, string tenantId, string adminSecret)
    {
        Fx = fx;
        TenantId = tenantId;
        AdminSecret = adminSecret;
    }

    public HostFixture Fx { get; }

    public string TenantId { get; }

    public string Parent => $"tenants/{TenantId}";

    public string AdminSecret { get; }

    public AccessService.AccessServiceClient Operator => new(Fx.Operator);

    /// <summary>The tenant's admin, calling with its own API key.</summary>
    public AccessService.AccessServiceClient Admin => As(AdminSecret);

    public AccessService.AccessServiceClient As(string secret) => new(Fx.As(secret));

    public static async Task<AccessScenario> CreateAsync(HostFixture fx)
    {
        var tenantId = "t" + Guid.NewGuid().ToString("N")[..12];
        // On the enterprise plan: these tests create more keys and members than the free plan allows.
        await fx.Tenants.CreateTenantAsync(new CreateTenantRequest { TenantId = tenantId, Tenant = new Tenant { DisplayName = tenantId, Plan = "plans/enterprise" } });
        var admin = await new AccessService.AccessServiceClient(fx.Operator).CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Parent = $"tenants/{tenantId}",
            ApiKey = new ApiKey { DisplayName = "admin", Roles = { "admin" } },
        });
        return new AccessScenario(fx, tenantId, admin.Secret);
    }

    /// <summary>Creates a key in the tenant (as the admin unless <paramref name="by"/> says otherwise).</summary>
    public async Task<CreateApiKeyResponse> CreateKeyAsync(string[] roles, AccessService.AccessServiceClient? by = null, string displayName = "key") =>
        await (by ?? Admin).CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Parent = Parent,
            ApiKey = new ApiKey { DisplayName = displayName, Roles = { roles } },
        });

    /// <summary>A custom role with exactly <paramref name="permissions"/>, and a key holding only it.</summary>
    public async Task<(Role Role, string Secret)> KeyWithPermissionsAsync(params string[] permissions)
    {
        var role = await Admin.CreateRoleAsync(new CreateRoleRequest
        {
            Parent = Parent,
            RoleId = "r" + Guid.NewGuid().ToString("N")[..8],
            Role = new Role { DisplayName = "custom", Permissions = { permissions } },
        });
        var key = await CreateKeyAsync([role.Name.Split('/')[^1]]);
        return (role, key.Secret);
    }
}
