using System.Globalization;
using Platform.Domain.Common;

namespace Platform.Domain.Quota;

/// <summary>
/// A plan of the catalog: the limits every tenant on it gets. Billing attaches prices to the same
/// plan, so limits and prices cannot drift apart. Version backs the etag.
/// </summary>
public sealed class Plan
{
    private Plan()
    {
    }

    public string Id { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string Description { get; private set; } = "";
    public IReadOnlyList<Limit> Limits { get; private set; } = [];
    public DateTime CreateTime { get; private set; }
    public DateTime UpdateTime { get; private set; }
    public long Version { get; private set; }

    public string ResourceName => NameOf(Id);

    public string Etag => Version.ToString(CultureInfo.InvariantCulture);

    public static string NameOf(string id) => $"plans/{id}";

    public static Result<Plan> Create(string id, string? displayName, string? description, IReadOnlyList<Limit> limits, DateTime now)
    {
        var v = new Validation().Check(ResourceIds.IsValid(id), "plan_id", "must match [a-z][a-z0-9-]{1,62}");
        PlanRules.DisplayName(v, displayName, "plan.display_name");
        PlanRules.Description(v, description, "plan.description");
        PlanRules.Limits(v, limits, "plan.limits");
        if (v.ToError() is { } error)
        {
            return error;
        }

        now = Clock.Truncate(now);
        return new Plan
        {
            Id = id,
            DisplayName = displayName!.Trim(),
            Description = description ?? "",
            Limits = [.. limits],
            CreateTime = now,
            UpdateTime = now,
            Version = 1,
        };
    }

    public Error? CheckEtag(string? etag) =>
        string.IsNullOrEmpty(etag) || etag == Etag ? null : Error.EtagMismatch(ResourceName);

    /// <summary>Applies the non-null changes; a limits list replaces the whole list.</summary>
    public Error? Update(string? displayName, string? description, IReadOnlyList<Limit>? limits, DateTime now)
    {
        var v = new Validation();
        if (displayName is not null) PlanRules.DisplayName(v, displayName, "plan.display_name");
        PlanRules.Description(v, description, "plan.description");
        if (limits is not null) PlanRules.Limits(v, limits, "plan.limits");
        if (v.ToError() is { } error)
        {
            return error;
        }

        DisplayName = displayName?.Trim() ?? DisplayName;
        Description = description ?? Description;
        Limits = limits is null ? Limits : [.. limits];
        UpdateTime = Clock.Truncate(now);
        Version++;
        return null;
    }
}
