namespace Platform.Domain.Tenancy;

/// <summary>
/// The client-settable attributes of a tenant. On update, a null member means "leave unchanged".
/// </summary>
public sealed record TenantSettings(
    string? DisplayName = null,
    Tier? Tier = null,
    string? Subdomain = null,
    IReadOnlyList<string>? CustomDomains = null,
    IReadOnlyDictionary<string, string>? Labels = null,
    string? TimeZone = null,
    string? Plan = null,
    int? BillingAnchorDay = null);
