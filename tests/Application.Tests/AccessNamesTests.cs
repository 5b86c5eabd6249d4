using Platform.Application.Access;

namespace Platform.Application.Tests;

public sealed class AccessNamesTests
{
    [Theory]
    [InlineData("tenants/acme/apiKeys/0199abc", "acme", "0199abc")]
    [InlineData("platform/apiKeys/k1", null, "k1")]
    public void Api_key_names_parse_for_tenants_and_the_platform(string name, string? tenant, string id) =>
        Assert.Equal(new ApiKeyName(tenant, id), AccessNames.ApiKey(name).Value);

    [Theory]
    [InlineData("")]
    [InlineData("tenants/acme/apiKeys/")]
    [InlineData("tenants/acme/apiKeys/UPPER")]
    [InlineData("tenants/acme/members/m1")]
    [InlineData("platform/apiKeys/a/b")]
    [InlineData("tenants/Acme/apiKeys/k1")]
    public void Malformed_api_key_names_name_the_field(string name) =>
        Assert.Equal("name", Assert.Single(AccessNames.ApiKey(name).Error!.Violations).Field);

    [Fact]
    public void Parents_accept_platform_only_for_api_keys()
    {
        Assert.Null(AccessNames.ApiKeyParent("platform").Value);
        Assert.Equal("acme", AccessNames.ApiKeyParent("tenants/acme").Value);
        Assert.Equal("parent", AccessNames.ApiKeyParent("tenants/").Error!.Violations[0].Field);
        Assert.False(AccessNames.Tenant("platform").IsSuccess);
    }

    [Fact]
    public void Member_and_role_names_require_aip122_ids()
    {
        Assert.Equal(new TenantChild("acme", "alice"), AccessNames.Member("tenants/acme/members/alice").Value);
        Assert.Equal(new TenantChild("acme", "auditor"), AccessNames.Role("tenants/acme/roles/auditor").Value);
        Assert.False(AccessNames.Member("tenants/acme/members/9lives").IsSuccess);
        Assert.False(AccessNames.Role("tenants/acme/members/auditor").IsSuccess);
        Assert.Equal("member.name", AccessNames.Member("x", "member.name").Error!.Violations[0].Field);
    }
}
