using Platform.Domain.Common;
using Platform.Domain.Tenancy;

namespace Platform.Domain.Tests;

public sealed class TenantTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TenantId Acme = TenantId.Create("acme").Value;

    private static Tenant NewTenant(TenantSettings? settings = null) =>
        Tenant.Create(Acme, settings ?? new TenantSettings(DisplayName: "Acme"), Now).Value;

    [Fact]
    public void Create_applies_defaults()
    {
        var t = NewTenant();

        Assert.Equal(Tier.Free, t.Tier);
        Assert.Equal(TenantState.Active, t.State);
        Assert.Equal("acme", t.Subdomain);
        Assert.Equal("UTC", t.TimeZone);
        Assert.Equal("1", t.Etag);
        Assert.Equal(Now, t.CreateTime);
    }

    [Fact]
    public void Create_reports_every_bad_field_at_once()
    {
        var result = Tenant.Create(Acme, new TenantSettings(
            DisplayName: " ", Tier: (Tier)42, Subdomain: "Bad_Sub", TimeZone: "Mars/Olympus",
            CustomDomains: ["ok.example.com", "not a domain", "ok.example.com"],
            Labels: new Dictionary<string, string> { ["Env"] = "prod" }), Now);

        var fields = result.Error!.Violations.Select(v => v.Field).ToList();
        Assert.Equal(ErrorKind.Invalid, result.Error.Kind);
        Assert.Contains("tenant.display_name", fields);
        Assert.Contains("tenant.tier", fields);
        Assert.Contains("tenant.subdomain", fields);
        Assert.Contains("tenant.time_zone", fields);
        Assert.Contains("tenant.custom_domains[1].domain", fields);
        Assert.Contains("tenant.custom_domains[2].domain", fields);
        Assert.Contains("tenant.labels[Env]", fields);
    }

    [Theory]
    [InlineData("Europe/Berlin", true)]
    [InlineData("America/New_York", true)]
    [InlineData("UTC", true)]
    [InlineData("Pacific Standard Time", false)]
    [InlineData("", false)]
    public void Time_zones_must_be_iana(string zone, bool valid)
    {
        var v = new Validation();
        TenantRules.TimeZone(v, zone, "tz");
        Assert.Equal(valid, v.IsValid);
    }

    [Fact]
    public void Reserved_subdomains_are_refused()
    {
        var result = Tenant.Create(Acme, new TenantSettings(DisplayName: "Acme", Subdomain: "www"), Now);
        Assert.Contains("reserved", result.Error!.Violations[0].Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Delete_sets_purge_window_and_undelete_restores_previous_state()
    {
        var t = NewTenant();
        t.Suspend(Now);
        t.Delete(Now.AddMinutes(1));

        Assert.Equal(TenantState.Deleted, t.State);
        Assert.Equal(t.DeleteTime + Tenant.PurgeDelay, t.PurgeTime);
        Assert.False(t.IsPurgeable(Now.AddDays(29)));
        Assert.True(t.IsPurgeable(Now.AddDays(31)));

        Assert.True(t.Undelete(Now.AddMinutes(2)).IsSuccess);
        Assert.Equal(TenantState.Suspended, t.State);
        Assert.Null(t.PurgeTime);
    }

    [Fact]
    public void Deleted_tenant_cannot_be_updated_suspended_or_resumed()
    {
        var t = NewTenant();
        t.Delete(Now);

        Assert.Equal(ErrorReasons.InvalidState, t.Update(new TenantSettings(DisplayName: "x"), Now).Error!.Reason);
        Assert.Equal(ErrorReasons.InvalidState, t.Suspend(Now).Error!.Reason);
        Assert.Equal(ErrorReasons.InvalidState, t.Resume(Now).Error!.Reason);
    }

    [Fact]
    public void Undelete_of_a_live_tenant_is_refused()
    {
        Assert.Equal(ErrorKind.PreconditionFailed, NewTenant().Undelete(Now).Error!.Kind);
    }

    [Fact]
    public void Transitions_to_the_current_state_do_not_bump_the_version()
    {
        var t = NewTenant();
        t.Resume(Now);
        Assert.Equal(1, t.Version);
        t.Suspend(Now);
        t.Suspend(Now);
        Assert.Equal(2, t.Version);
    }

    [Fact]
    public void Update_changes_only_given_fields_and_keeps_domain_verification()
    {
        var t = NewTenant(new TenantSettings(DisplayName: "Acme", CustomDomains: ["a.example.com"]));
        var updated = t.Update(new TenantSettings(Tier: Tier.Vip, CustomDomains: ["a.example.com", "b.example.com"]), Now.AddSeconds(1));

        Assert.True(updated.IsSuccess);
        Assert.Equal("Acme", t.DisplayName);
        Assert.Equal(Tier.Vip, t.Tier);
        Assert.Equal(2, t.CustomDomains.Count);
        Assert.All(t.CustomDomains, d => Assert.False(d.Verified));
        Assert.Equal("2", t.Etag);
    }

    [Fact]
    public void Etag_check_accepts_empty_and_current_only()
    {
        var t = NewTenant();
        Assert.Null(t.CheckEtag(null));
        Assert.Null(t.CheckEtag("1"));
        Assert.Equal(ErrorReasons.EtagMismatch, t.CheckEtag("0")!.Reason);
    }

    [Fact]
    public void Times_are_truncated_to_microseconds()
    {
        var t = Tenant.Create(Acme, new TenantSettings(DisplayName: "Acme"), Now.AddTicks(7)).Value;
        Assert.Equal(Now, t.CreateTime);
    }
}
