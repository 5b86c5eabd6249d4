using System.Text.RegularExpressions;

namespace Platform.Domain.Quota;

/// <summary>
/// The metrics a limit can be put on. <c>api_calls</c> is the only rate (enforced on every call);
/// the built-in allocations are counted by the platform where those resources are created; any
/// other valid id is a custom counter that integrators allocate themselves.
/// </summary>
public static partial class Metrics
{
    public const string ApiCalls = "api_calls";
    public const string StorageBytes = "storage_bytes";
    public const string Entities = "entities";
    public const string EntityTypes = "entity_types";
    public const string ApiKeys = "api_keys";
    public const string Members = "members";
    public const string Webhooks = "webhooks";

    /// <summary>
    /// Not a counter but a retention setting: how many days of entity revisions a tenant keeps
    /// (the latest revision of each entity is always kept). Its usage is always 0.
    /// </summary>
    public const string HistoryDays = "history_days";

    public static readonly IReadOnlySet<string> BuiltInAllocations = new HashSet<string>(StringComparer.Ordinal)
    {
        StorageBytes, Entities, EntityTypes, ApiKeys, Members, Webhooks,
    };

    public static bool IsValidId(string? metric) => metric is not null && Pattern().IsMatch(metric);

    public static bool IsCustom(string metric) =>
        metric != ApiCalls && metric != HistoryDays && !BuiltInAllocations.Contains(metric) && IsValidId(metric);

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
