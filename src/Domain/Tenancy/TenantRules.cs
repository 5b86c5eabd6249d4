using System.Text.RegularExpressions;
using Platform.Domain.Common;

namespace Platform.Domain.Tenancy;

/// <summary>Field-level rules for tenant attributes. Field names are the API's paths.</summary>
public static partial class TenantRules
{
    public const int MaxDisplayNameLength = 200;
    public const int MaxLabels = 64;
    public const int MaxCustomDomains = 20;
    public const string DefaultTimeZone = "UTC";

    /// <summary>Labels that would shadow the platform's own hosts.</summary>
    private static readonly HashSet<string> ReservedSubdomains = ["www", "api", "admin", "grpc", "status", "mail"];

    public static void DisplayName(Validation v, string? value, string field) =>
        v.Check(!string.IsNullOrWhiteSpace(value), field, "is required")
         .Check(value is null || value.Length <= MaxDisplayNameLength, field, $"must be at most {MaxDisplayNameLength} characters");

    public static void Subdomain(Validation v, string value, string field)
    {
        if (!DnsLabel().IsMatch(value))
        {
            v.Add(field, "must be a lower-case DNS label: [a-z0-9], inner '-', at most 63 characters");
        }
        else if (ReservedSubdomains.Contains(value))
        {
            v.Add(field, $"'{value}' is reserved");
        }
    }

    public static void Tier(Validation v, Tier? value, string field) =>
        v.Check(value is null || Enum.IsDefined(value.Value), field, "must be FREE, STANDARD, VIP or ENTERPRISE");

    public static void TimeZone(Validation v, string value, string field) =>
        v.Check(IsIanaTimeZone(value), field, "must be an IANA time zone id such as 'Europe/Berlin' or 'UTC'");

    public static void CustomDomains(Validation v, IReadOnlyList<string> domains, string field)
    {
        v.Check(domains.Count <= MaxCustomDomains, field, $"at most {MaxCustomDomains} domains");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < domains.Count; i++)
        {
            var d = domains[i];
            if (d.Length > 253 || !HostName().IsMatch(d))
            {
                v.Add($"{field}[{i}].domain", "must be a lower-case fully qualified host name such as 'app.example.com'");
            }
            else if (!seen.Add(d))
            {
                v.Add($"{field}[{i}].domain", "is listed twice");
            }
        }
    }

    public static void Labels(Validation v, IReadOnlyDictionary<string, string> labels, string field)
    {
        v.Check(labels.Count <= MaxLabels, field, $"at most {MaxLabels} labels");
        foreach (var (key, value) in labels)
        {
            v.Check(LabelKey().IsMatch(key), $"{field}[{key}]", "key must match [a-z][a-z0-9_-]{0,62}")
             .Check(LabelValue().IsMatch(value), $"{field}[{key}]", "value must match [a-z0-9_-]{0,63}");
        }
    }

    /// <summary>Only the id's shape; whether the plan exists is checked against the catalog.</summary>
    public static void Plan(Validation v, string? plan, string field) =>
        v.Check(plan is null || Quota.PlanRules.IdOf(plan) is not null, field, "must be plans/{plan} with an id matching [a-z][a-z0-9-]{1,62}");

    public static void BillingAnchorDay(Validation v, int? day, string field) =>
        v.Check(day is null or (>= 1 and <= 31), field, "must be a day of month from 1 to 31");

    private static bool IsIanaTimeZone(string id)
    {
        if (id.Length is 0 or > 64 || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
        {
            return false;
        }

        // TryFindSystemTimeZoneById also accepts Windows ids on Linux; only IANA ids are stored.
        return id == DefaultTimeZone || !TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out _);
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabel();

    [GeneratedRegex(@"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex HostName();

    [GeneratedRegex("^[a-z][a-z0-9_-]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelKey();

    [GeneratedRegex("^[a-z0-9_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex LabelValue();
}
