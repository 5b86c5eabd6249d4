using Platform.Domain.Eav.Values;

namespace Platform.Domain.Eav;

public enum RevisionOperation
{
    Create = 1,
    Update = 2,
    Delete = 3,
    Undelete = 4,
    Restore = 5,
}

/// <summary>Who made a change, when, and under which request_id.</summary>
public sealed record RevisionContext(string Principal, DateTime Time, string? RequestId);

/// <summary>One attribute's value before and after a change; null means "no value".</summary>
public sealed record AttributeChange(string Key, AttributeValue? Old, AttributeValue? New);

/// <summary>
/// One revision of an entity: what changed, by whom and when, and the whole entity as it was
/// after it (<see cref="Snapshot"/>), so any revision can be shown or restored without replaying.
/// </summary>
public sealed record EntityRevision(
    string TenantId,
    string TypeId,
    string EntityId,
    long Version,
    RevisionOperation Operation,
    IReadOnlyList<AttributeChange> Changes,
    string Principal,
    DateTime Time,
    string? RequestId,
    AttributeMap Snapshot,
    DateTime? DeleteTime)
{
    public string ResourceName => $"{EntityNames.Of(TenantId, TypeId, EntityId)}/revisions/{Version}";
}

/// <summary>The attributes whose values differ between two maps, in key order.</summary>
public static class AttributeDiff
{
    public static IReadOnlyList<AttributeChange> Between(AttributeMap before, AttributeMap after) =>
        before.Keys.Union(after.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select(k => new AttributeChange(k, before.Get(k), after.Get(k)))
            .Where(c => !Equals(c.Old, c.New))
            .ToList();
}
