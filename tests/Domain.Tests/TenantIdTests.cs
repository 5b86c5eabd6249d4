using Platform.Domain.Tenancy;

namespace Platform.Domain.Tests;

public sealed class TenantIdTests
{
    [Theory]
    [InlineData("ab")]
    [InlineData("acme")]
    [InlineData("acme-2")]
    [InlineData("a123456789012345678901234567890123456789012345678901234567890z")]
    public void Accepts_valid_ids(string id) => Assert.True(TenantId.Create(id).IsSuccess);

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("Acme")]
    [InlineData("1acme")]
    [InlineData("acme-")]
    [InlineData("ac_me")]
    [InlineData("a12345678901234567890123456789012345678901234567890123456789012z")]
    public void Rejects_invalid_ids_naming_the_field(string id)
    {
        var result = TenantId.Create(id);

        Assert.False(result.IsSuccess);
        Assert.Equal("tenant_id", Assert.Single(result.Error!.Violations).Field);
    }

    [Fact]
    public void Parses_resource_names()
    {
        Assert.Equal("acme", TenantId.FromResourceName("tenants/acme").Value.Value);
        Assert.False(TenantId.FromResourceName("tenant/acme").IsSuccess);
        Assert.False(TenantId.FromResourceName("tenants/acme/apiKeys/x").IsSuccess);
        Assert.Equal("name", TenantId.FromResourceName(null).Error!.Violations[0].Field);
    }
}
