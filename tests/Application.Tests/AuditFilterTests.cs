using Platform.Application.Abstractions;
using Platform.Application.Audit;

namespace Platform.Application.Tests;

public sealed class AuditFilterTests
{
    [Fact]
    public void Empty_filter_has_no_terms() => Assert.Empty(AuditFilter.Parse(" ").Value);

    [Fact]
    public void Parses_every_field_and_normalizes_times_to_utc()
    {
        var terms = AuditFilter.Parse(
            "event_time >= \"2026-01-01T01:00:00+01:00\" AND event_time<\"2026-02-01T00:00:00.5Z\" AND " +
            "principal = \"apiKeys/k1\" AND method != \"/platform.tenancy.v1.TenantService/GetTenant\" AND outcome=\"PERMISSION_DENIED\"").Value;

        Assert.Equal(
            [new AuditFilterTerm("event_time", ">=", "2026-01-01T00:00:00.0000000Z"),
             new AuditFilterTerm("event_time", "<", "2026-02-01T00:00:00.5000000Z"),
             new AuditFilterTerm("principal", "=", "apiKeys/k1"),
             new AuditFilterTerm("method", "!=", "/platform.tenancy.v1.TenantService/GetTenant"),
             new AuditFilterTerm("outcome", "=", "PERMISSION_DENIED")],
            terms);
    }

    [Fact]
    public void String_literals_keep_escaped_quotes_and_backslashes() =>
        Assert.Equal("jwt:a\"b\\c", Assert.Single(AuditFilter.Parse("principal = \"jwt:a\\\"b\\\\c\"").Value).Value);

    [Theory]
    [InlineData("principal", "expected 'field OP \"value\"' at position 9")]
    [InlineData("outcome = \"OK\" principal = \"x\"", "expected AND at position 15")]
    [InlineData("outcome = \"OK\" OR outcome = \"ABORTED\"", "expected AND at position 15")]
    [InlineData("outcome = \"OK\" AND", "expected 'field OP \"value\"' at position 18")]
    [InlineData("state = \"OK\"", "unknown field 'state' at position 0")]
    [InlineData("principal > \"a\"", "operator '>' at position 10 is not supported for principal")]
    [InlineData("event_time = \"2026-01-01T00:00:00Z\"", "operator '=' at position 11 is not supported for event_time")]
    [InlineData("method = /a/b", "unexpected '/' at position 9")]
    [InlineData("outcome = OK", "expected a string literal in double quotes at position 10")]
    [InlineData("principal = \"abc", "unterminated string starting at position 12")]
    [InlineData("outcome ! \"OK\"", "unexpected '!' at position 8")]
    [InlineData("event_time >= \"2026-01-01\"", "is not an RFC 3339 time")]
    [InlineData("event_time >= \"2026-13-01T00:00:00Z\"", "is not an RFC 3339 time")]
    [InlineData("event_time >= \"yesterday\"", "position 14 is not an RFC 3339 time")]
    [InlineData("outcome = \"permission_denied\"", "unknown outcome 'permission_denied' at position 10")]
    public void Rejects_malformed_filters_with_a_position(string filter, string expected)
    {
        var error = AuditFilter.Parse(filter).Error!;

        var violation = Assert.Single(error.Violations);
        Assert.Equal("filter", violation.Field);
        Assert.Contains(expected, violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Caps_the_number_of_terms()
    {
        var filter = string.Join(" AND ", Enumerable.Repeat("outcome = \"OK\"", 17));
        Assert.Contains("at most 16 terms", Assert.Single(AuditFilter.Parse(filter).Error!.Violations).Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tenants/acme", AuditScope.Tenant, "acme")]
    [InlineData("tenants/-", AuditScope.AllTenants, null)]
    [InlineData("platform", AuditScope.Platform, null)]
    public void Parents_select_a_scope(string parent, AuditScope scope, string? tenant) =>
        Assert.Equal(new AuditParent(scope, tenant), AuditParent.Parse(parent).Value);

    [Theory]
    [InlineData("")]
    [InlineData("tenants/")]
    [InlineData("platform/x")]
    [InlineData("tenants/acme/auditEvents")]
    public void Bad_parents_are_invalid(string parent) =>
        Assert.Equal("parent", Assert.Single(AuditParent.Parse(parent).Error!.Violations).Field);

    [Theory]
    [InlineData("tenants/-/auditEvents/0193abc")]
    [InlineData("tenants/acme/auditEvents/")]
    [InlineData("tenants/acme/auditEvents/a b")]
    [InlineData("platform/apiKeys/x")]
    public void Bad_event_names_are_invalid(string name) =>
        Assert.Equal("name", Assert.Single(new GetAuditEventQuery(name).Validate()!.Violations).Field);

    [Fact]
    public void List_reports_every_bad_argument_at_once()
    {
        var error = new ListAuditEventsQuery("nope", -1, null, "outcome").Validate()!;
        Assert.Equal(["parent", "page_size", "filter"], error.Violations.Select(v => v.Field));
    }
}
