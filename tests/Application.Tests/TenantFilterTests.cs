using Platform.Application.Abstractions;
using Platform.Application.Tenancy;
using Platform.Domain.Tenancy;

namespace Platform.Application.Tests;

public sealed class TenantFilterTests
{
    [Fact]
    public void Empty_filter_has_no_terms() => Assert.Empty(TenantFilter.Parse("  ").Value);

    [Fact]
    public void Parses_conjunctions_with_and_without_enum_prefixes()
    {
        var terms = TenantFilter.Parse("state = ACTIVE AND tier!=TIER_VIP").Value;

        Assert.Equal(
            [new TenantFilterTerm(TenantFilterField.State, false, (int)TenantState.Active),
             new TenantFilterTerm(TenantFilterField.Tier, true, (int)Tier.Vip)],
            terms);
    }

    [Theory]
    [InlineData("state", "expected 'field = VALUE' at position 5")]
    [InlineData("state = ACTIVE tier = VIP", "expected AND at position 15")]
    [InlineData("state = ACTIVE OR tier = VIP", "expected AND at position 15")]
    [InlineData("state > ACTIVE", "operator '>' is not supported")]
    [InlineData("name = x", "unknown field 'name'")]
    [InlineData("tier = GOLD", "unknown tier 'GOLD'")]
    [InlineData("state = active", "unknown state 'active'")]
    [InlineData("tier = 3", "unknown tier '3'")]
    public void Rejects_malformed_filters_with_a_position_or_reason(string filter, string expected)
    {
        var error = TenantFilter.Parse(filter).Error!;

        var violation = Assert.Single(error.Violations);
        Assert.Equal("filter", violation.Field);
        Assert.Contains(expected, violation.Description, StringComparison.Ordinal);
    }
}
