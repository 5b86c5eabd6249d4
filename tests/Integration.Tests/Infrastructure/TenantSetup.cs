using Platform.Access.V1;
using Platform.Tenancy.V1;

namespace Platform.Integration.Tests.Infrastructure;

/// <summary>Creates tenants and their API keys as the operator, for tests that act as a tenant.</summary>
public static class TenantSetup
{
    public static string NewId(string prefix = "t") => prefix + Guid.NewGuid().ToString("N")[..12];

    public static async Task<Tenant> CreateTenantAsync(this HostFixture fx, string? id = null) =>
        await fx.Tenants.CreateTenantAsync(new CreateTenantRequest { TenantId = id ?? NewId(), Tenant = new Tenant { DisplayName = "Test tenant" } });

    /// <summary>Returns the new key's secret and resource.</summary>
    public static async Task<(string Secret, ApiKey Key)> CreateKeyAsync(this HostFixture fx, string tenantName, params string[] roles)
    {
        var response = await new AccessService.AccessServiceClient(fx.Operator).CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Parent = tenantName,
            ApiKey = new ApiKey { DisplayName = "test key", Roles = { roles.Length == 0 ? ["admin"] : roles } },
        });
        return (response.Secret, response.ApiKey);
    }
}
