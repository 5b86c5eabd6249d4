using Platform.Domain.Eav.Values;

namespace Platform.Domain.Eav.Evolution;

/// <summary>The per-attribute half of <see cref="SchemaEvolution"/>: old and new definition of one key.</summary>
internal static class AttributeChanges
{
    public static void Compare(AttributeDefinition old, AttributeDefinition next, string field, List<SchemaChange> changes)
    {
        var key = next.Key;
        if (old.Type != next.Type)
        {
            changes.Add(Refused(key, SchemaChangeKind.TypeChanged, $"{field}.type",
                $"cannot change attributes.{key} from {old.Type.WireName()} to {next.Type.WireName()}: stored values keep their type; add a new attribute instead"));
            return;
        }

        if (old.Repeated != next.Repeated)
        {
            changes.Add(Refused(key, SchemaChangeKind.RepeatedChanged, $"{field}.repeated",
                $"cannot change whether attributes.{key} is repeated: stored values would change shape; add a new attribute instead"));
            return;
        }

        if (old.Constraints.ReferenceTypeId != next.Constraints.ReferenceTypeId)
        {
            changes.Add(Refused(key, SchemaChangeKind.ReferenceTargetChanged, $"{field}.constraints.reference_type_id",
                $"cannot point attributes.{key} at another entity type: stored references name entities of '{old.Constraints.ReferenceTypeId}'"));
            return;
        }

        Required(old, next, field, changes);
        Flags(old, next, field, changes);
        Length(old, next, field, changes);
        Range(old, next, field, changes);
        Pattern(old, next, field, changes);
        EnumValues(old, next, field, changes);
    }

    public static void Required(AttributeDefinition old, AttributeDefinition next, string field, List<SchemaChange> changes)
    {
        var key = next.Key;
        if (!old.Required && next.Required)
        {
            changes.Add(next.Default is { } backfill
                ? Allowed(key, SchemaChangeKind.MadeRequired, $"{field}.required", $"attributes.{key} is required; entities without a value get the default", backfill)
                : NeedsCheck(key, SchemaChangeKind.MadeRequired, $"{field}.required", $"attributes.{key} is required", new MissingValueCheck(key)));
        }
        else if (old.Required && !next.Required)
        {
            changes.Add(Allowed(key, SchemaChangeKind.MadeOptional, $"{field}.required", $"attributes.{key} is optional"));
        }
    }

    private static void Flags(AttributeDefinition old, AttributeDefinition next, string field, List<SchemaChange> changes)
    {
        var key = next.Key;
        if (!old.Unique && next.Unique)
        {
            changes.Add(NeedsCheck(key, SchemaChangeKind.UniqueAdded, $"{field}.unique", $"attributes.{key} is unique", new DuplicateValuesCheck(key)));
        }
        else if (old.Unique && !next.Unique)
        {
            changes.Add(Allowed(key, SchemaChangeKind.UniqueRemoved, $"{field}.unique", $"attributes.{key} is no longer unique"));
        }

        if (!Equals(old.Default, next.Default))
        {
            changes.Add(Allowed(key, SchemaChangeKind.DefaultChanged, $"{field}.default", $"default of attributes.{key} changed (new entities only)"));
        }

        if (old.Filterable != next.Filterable)
        {
            changes.Add(Allowed(key, SchemaChangeKind.FilterableChanged, $"{field}.filterable", $"attributes.{key} filterable: {next.Filterable}"));
        }

        if (old.Sortable != next.Sortable)
        {
            changes.Add(Allowed(key, SchemaChangeKind.SortableChanged, $"{field}.sortable", $"attributes.{key} sortable: {next.Sortable}"));
        }

        if (old.Searchable != next.Searchable)
        {
            changes.Add(Allowed(key, SchemaChangeKind.SearchableChanged, $"{field}.searchable", $"attributes.{key} searchable: {next.Searchable}"));
        }

        if (old.DisplayName != next.DisplayName || old.Description != next.Description)
        {
            changes.Add(Allowed(key, SchemaChangeKind.AttributeLabelsChanged, field, $"display name or description of attributes.{key} changed"));
        }
    }

    private static void Length(AttributeDefinition old, AttributeDefinition next, string field, List<SchemaChange> changes)
    {
        int? was = old.Constraints.MaxLength, now = next.Constraints.MaxLength;
        if (now is { } n && (was is null || n < was))
        {
            changes.Add(NeedsCheck(next.Key, SchemaChangeKind.MaxLengthTightened, $"{field}.constraints.max_length",
                $"attributes.{next.Key} limited to {n} characters", new LongerThanCheck(next.Key, n)));
        }
        else if (was is { } w && (now is null || now > w))
        {
            changes.Add(Allowed(next.Key, SchemaChangeKind.MaxLengthRelaxed, $"{field}.constraints.max_length", $"max_length of attributes.{next.Key} relaxed"));
        }
    }

    private static void Range(AttributeDefinition old, AttributeDefinition next, string field, List<SchemaChange> changes)
    {
        var compare = AttributeValueComparer.Instance;
        AttributeConstraints was = old.Constraints, now = next.Constraints;
        var min = now.Min is { } nm && (was.Min is null || compare.Compare(nm, was.Min) > 0) ? nm : null;
        var max = now.Max is { } nx && (was.Max is null || compare.Compare(nx, was.Max) < 0) ? nx : null;
        if (min is not null || max is not null)
        {
            var check = new OutOfRangeCheck(next.Key, min, max);
            changes.Add(NeedsCheck(next.Key, SchemaChangeKind.RangeTightened, $"{field}.constraints", $"range of attributes.{next.Key} narrowed", check));
        }

        var relaxed = (was.Min is { } om && (now.Min is null || compare.Compare(now.Min, om) < 0))
            || (was.Max is { } ox && (now.Max is null || compare.Compare(now.Max, ox) > 0));
        if (relaxed)
        {
            changes.Add(Allowed(next.Key, SchemaChangeKind.RangeRelaxed, $"{field}.constraints", $"range of attributes.{next.Key} widened"));
        }
    }

    private static void Pattern(AttributeDefinition old, AttributeDefinition next, string field, List<SchemaChange> changes)
    {
        if (old.Constraints.Pattern == next.Constraints.Pattern)
        {
            return;
        }

        changes.Add(next.Constraints.Pattern is { } pattern
            ? NeedsCheck(next.Key, SchemaChangeKind.PatternAdded, $"{field}.constraints.pattern", $"attributes.{next.Key} must match {pattern}", new PatternCheck(next.Key, pattern))
            : Allowed(next.Key, SchemaChangeKind.PatternRemoved, $"{field}.constraints.pattern", $"pattern of attributes.{next.Key} removed"));
    }

    private static void EnumValues(AttributeDefinition old, AttributeDefinition next, string field, List<SchemaChange> changes)
    {
        IReadOnlyList<string> was = old.Constraints.EnumValues, now = next.Constraints.EnumValues;
        var removed = was.Except(now, StringComparer.Ordinal).ToList();
        var added = now.Except(was, StringComparer.Ordinal).ToList();
        var path = $"{field}.constraints.enum_values";
        if (removed.Count > 0)
        {
            changes.Add(NeedsCheck(next.Key, SchemaChangeKind.EnumValuesRemoved, path,
                $"values removed from attributes.{next.Key}: {string.Join(", ", removed)}", new EnumValuesCheck(next.Key, removed)));
        }

        if (added.Count > 0)
        {
            changes.Add(Allowed(next.Key, SchemaChangeKind.EnumValuesAdded, path, $"values added to attributes.{next.Key}: {string.Join(", ", added)}"));
        }

        if (removed.Count == 0 && added.Count == 0 && !was.SequenceEqual(now, StringComparer.Ordinal))
        {
            changes.Add(Allowed(next.Key, SchemaChangeKind.EnumValuesReordered, path, $"values of attributes.{next.Key} reordered"));
        }
    }

    private static SchemaChange Allowed(string key, SchemaChangeKind kind, string field, string description, AttributeValue? backfill = null) =>
        new(key, kind, SchemaVerdict.Allowed, field, description, Backfill: backfill);

    private static SchemaChange NeedsCheck(string key, SchemaChangeKind kind, string field, string description, ExistingDataCheck check) =>
        new(key, kind, SchemaVerdict.NeedsCheck, field, description, check);

    private static SchemaChange Refused(string key, SchemaChangeKind kind, string field, string description) =>
        new(key, kind, SchemaVerdict.Refused, field, description);
}
