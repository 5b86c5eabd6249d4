using Platform.Application.Tenancy;
using Platform.Domain.Tenancy;

namespace Platform.Application.Tests;

public sealed class TenantCommandTests
{
    private static readonly TenantId Acme = TenantId.Create("acme").Value;

    [Fact]
    public void Create_validates_id_and_request_id()
    {
        var error = new CreateTenantCommand("Bad Id", new TenantSettings("x"), new string('r', 65)).Validate()!;

        Assert.Equal(["tenant_id", "request_id"], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void Create_fingerprint_ignores_label_order_but_not_content()
    {
        var a = new CreateTenantCommand("acme", new TenantSettings("A", Labels: new Dictionary<string, string> { ["x"] = "1", ["y"] = "2" }), "r");
        var b = new CreateTenantCommand("acme", new TenantSettings("A", Labels: new Dictionary<string, string> { ["y"] = "2", ["x"] = "1" }), "r");
        var c = a with { Settings = new TenantSettings("B") };

        Assert.Equal(a.Fingerprint(), b.Fingerprint());
        Assert.NotEqual(a.Fingerprint(), c.Fingerprint());
    }

    [Fact]
    public void Update_rejects_unknown_mask_paths()
    {
        var error = new UpdateTenantCommand("tenants/acme", null, new TenantSettings(), ["display_name", "state"]).Validate()!;

        var violation = Assert.Single(error.Violations);
        Assert.Equal("update_mask", violation.Field);
        Assert.Contains("'state'", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_requires_tier_when_masked()
    {
        var error = new UpdateTenantCommand("tenants/acme", null, new TenantSettings(), ["tier"]).Validate()!;
        Assert.Equal("tenant.tier", error.Violations[0].Field);
    }

    [Fact]
    public void Empty_mask_updates_populated_fields_only()
    {
        var values = new TenantSettings(DisplayName: "New", TimeZone: "Europe/Paris");
        Assert.Same(values, new UpdateTenantCommand("tenants/acme", null, values, []).Changes(Acme));
    }

    [Fact]
    public void Masked_empty_fields_reset_to_defaults()
    {
        var changes = new UpdateTenantCommand("tenants/acme", null, new TenantSettings(DisplayName: "New"),
            ["display_name", "subdomain", "labels", "time_zone"]).Changes(Acme);

        Assert.Equal("New", changes.DisplayName);
        Assert.Equal("acme", changes.Subdomain);
        Assert.Empty(changes.Labels!);
        Assert.Equal("UTC", changes.TimeZone);
        Assert.Null(changes.Tier);
        Assert.Null(changes.CustomDomains);
    }
}
