namespace Platform.Domain.Eav.Evolution;

/// <summary>
/// The schema evolution rules as one pure function. Always allowed: adding attributes, enum
/// values and optionality, relaxing constraints, flags and labels. Needs a check against existing
/// data: making an attribute required without a default, making it unique, lowering max_length,
/// tightening min/max, adding or changing a pattern, removing enum values. Refused: changing an
/// attribute's type, its repeated flag or its reference target. Removing an attribute hides it.
/// </summary>
public static class SchemaEvolution
{
    /// <summary>Every difference between <paramref name="current"/> and a valid, canonical <paramref name="spec"/>.</summary>
    public static IReadOnlyList<SchemaChange> Classify(EntityType current, EntityTypeSpec spec)
    {
        var changes = new List<SchemaChange>();
        if (current.DisplayName != spec.DisplayName || current.Description != spec.Description)
        {
            changes.Add(new SchemaChange("", SchemaChangeKind.TypeLabelsChanged, SchemaVerdict.Allowed, "entity_type", "display name or description changed"));
        }

        if (!current.QueryHints.SequenceEqual(spec.QueryHints))
        {
            changes.Add(new SchemaChange("", SchemaChangeKind.QueryHintsChanged, SchemaVerdict.Allowed, "entity_type.query_hints",
                "query hints changed; composite indexes are built or dropped in the background"));
        }

        for (var i = 0; i < spec.Attributes.Count; i++)
        {
            var next = spec.Attributes[i];
            var field = $"entity_type.attributes[{i}]";
            var old = current.FindAnyAttribute(next.Key);
            if (old is null)
            {
                changes.Add(new SchemaChange(next.Key, SchemaChangeKind.AttributeAdded, SchemaVerdict.Allowed, field, $"attributes.{next.Key} added"));
                AttributeChanges.Required(next with { Required = false }, next, field, changes);
                continue;
            }

            if (old.Hidden)
            {
                changes.Add(new SchemaChange(next.Key, SchemaChangeKind.AttributeRestored, SchemaVerdict.Allowed, field,
                    $"attributes.{next.Key} restored with the values it still holds"));

                // Entities written while it was hidden were not held to required or unique.
                old = old with { Required = false, Unique = false };
            }

            AttributeChanges.Compare(old, next, field, changes);
        }

        var kept = spec.Attributes.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var removed in current.VisibleAttributes.Where(a => !kept.Contains(a.Key)))
        {
            changes.Add(new SchemaChange(removed.Key, SchemaChangeKind.AttributeHidden, SchemaVerdict.Allowed, "entity_type.attributes",
                $"attributes.{removed.Key} hidden; its values are kept until purged"));
        }

        return changes;
    }
}
