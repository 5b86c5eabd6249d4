using Platform.Domain.Common;

namespace Platform.Domain.Quota;

/// <summary>Field rules for plans; field names are the API's paths.</summary>
public static class PlanRules
{
    public const int MaxDisplayNameLength = 200;
    public const int MaxDescriptionLength = 1000;
    public const int MaxLimits = 100;
    public const string DefaultPlanId = "free";

    /// <summary>The id in <c>plans/{id}</c>, or null when the name is absent or malformed.</summary>
    public static string? IdOf(string? name) =>
        name is not null && name.StartsWith("plans/", StringComparison.Ordinal) && ResourceIds.IsValid(name[6..]) ? name[6..] : null;

    public static void DisplayName(Validation v, string? value, string field) =>
        v.Check(!string.IsNullOrWhiteSpace(value), field, "is required")
         .Check(value is null || value.Length <= MaxDisplayNameLength, field, $"must be at most {MaxDisplayNameLength} characters");

    public static void Description(Validation v, string? value, string field) =>
        v.Check(value is null || value.Length <= MaxDescriptionLength, field, $"must be at most {MaxDescriptionLength} characters");

    /// <summary>Each limit valid, at most one per limit id.</summary>
    public static void Limits(Validation v, IReadOnlyList<Limit> limits, string field)
    {
        v.Check(limits.Count <= MaxLimits, field, $"at most {MaxLimits} limits");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < limits.Count; i++)
        {
            var before = v.Violations.Count;
            limits[i].Check(v, $"{field}[{i}]");
            if (v.Violations.Count == before && !seen.Add(limits[i].LimitId))
            {
                v.Add($"{field}[{i}]", $"{limits[i].LimitId} is listed twice");
            }
        }
    }
}
