using System.Globalization;
using Platform.Domain.Common;
using Platform.Domain.Eav.Evolution;

namespace Platform.Domain.Eav;

/// <summary>
/// A tenant-defined entity type: its attributes (hidden ones included), query hints and schema
/// revision. The revision increases with every accepted change and backs the etag, so a client
/// that read an older schema cannot overwrite a newer one.
/// </summary>
public sealed class EntityType
{
    private EntityType()
    {
    }

    public string TenantId { get; private set; } = "";
    public string Id { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string Description { get; private set; } = "";
    public IReadOnlyList<AttributeDefinition> Attributes { get; private set; } = [];
    public IReadOnlyList<QueryHint> QueryHints { get; private set; } = [];
    public long Revision { get; private set; }
    public DateTime CreateTime { get; private set; }
    public DateTime UpdateTime { get; private set; }

    public string Etag => Revision.ToString(CultureInfo.InvariantCulture);

    public string ResourceName => $"tenants/{TenantId}/entityTypes/{Id}";

    public IEnumerable<AttributeDefinition> VisibleAttributes => Attributes.Where(a => !a.Hidden);

    /// <summary>A visible attribute by key: the only ones clients can read, write or query.</summary>
    public AttributeDefinition? FindAttribute(string key) => Attributes.FirstOrDefault(a => a.Key == key && !a.Hidden);

    public AttributeDefinition? FindAnyAttribute(string key) => Attributes.FirstOrDefault(a => a.Key == key);

    public static Result<EntityType> Create(string tenantId, string id, EntityTypeSpec spec, DateTime now)
    {
        var v = new Validation().Check(ResourceIds.IsValid(id), "entity_type_id", "must match [a-z][a-z0-9-]{0,61}[a-z0-9]");
        var attributes = EntityTypeRules.Check(v, spec);
        if (v.ToError() is { } error)
        {
            return error;
        }

        now = Clock.Truncate(now);
        return new EntityType
        {
            TenantId = tenantId,
            Id = id,
            DisplayName = spec.DisplayName,
            Description = spec.Description,
            Attributes = attributes!,
            QueryHints = spec.QueryHints.ToList(),
            Revision = 1,
            CreateTime = now,
            UpdateTime = now,
        };
    }

    public Error? CheckEtag(string? etag) =>
        string.IsNullOrEmpty(etag) || etag == Etag ? null : Error.EtagMismatch(ResourceName);

    /// <summary>
    /// Validates <paramref name="spec"/> and classifies every change. Refused changes fail the
    /// request; the plan's checks must pass against existing data before <see cref="Apply"/>.
    /// </summary>
    public Result<SchemaEvolutionPlan> PlanUpdate(EntityTypeSpec spec)
    {
        var v = new Validation();
        var attributes = EntityTypeRules.Check(v, spec);
        if (v.ToError() is { } error)
        {
            return error;
        }

        var changes = SchemaEvolution.Classify(this, spec with { Attributes = attributes! });
        var refused = changes.Where(c => c.Verdict == SchemaVerdict.Refused).ToList();
        if (refused.Count > 0)
        {
            return SchemaEvolutionErrors.Refused(refused);
        }

        var kept = attributes!.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        var hidden = Attributes.Where(a => !kept.Contains(a.Key)).Select(a => a with { Hidden = true });
        return new SchemaEvolutionPlan(Revision, spec.DisplayName, spec.Description, [.. attributes!, .. hidden], spec.QueryHints.ToList(), changes);
    }

    /// <summary>Applies a plan made from this revision; a no-op plan changes nothing.</summary>
    public Result<EntityType> Apply(SchemaEvolutionPlan plan, DateTime now)
    {
        if (plan.BaseRevision != Revision)
        {
            return Error.ConcurrentModification(ResourceName);
        }

        if (plan.IsNoOp)
        {
            return this;
        }

        DisplayName = plan.DisplayName;
        Description = plan.Description;
        Attributes = plan.Attributes;
        QueryHints = plan.QueryHints;
        Revision++;
        UpdateTime = Clock.Truncate(now);
        return this;
    }
}
