using Platform.Domain.Common;

namespace Platform.Domain.Eav;

/// <summary>The rules for a whole schema: attributes, query hints and the index budget.</summary>
public static class EntityTypeRules
{
    public const int MaxAttributes = 200;
    public const int MaxQueryHints = 8;
    public const int MaxHintFilterKeys = 3;

    /// <summary>
    /// Two STRINGs of 256 characters (up to 1 kB of UTF-8 each) still fit one PostgreSQL B-tree
    /// row (~2.7 kB) next to the other keys; a third might not.
    /// </summary>
    public const int MaxHintStringKeys = 2;

    /// <summary>Checks <paramref name="spec"/>; returns its canonical attribute definitions when valid.</summary>
    public static IReadOnlyList<AttributeDefinition>? Check(Validation v, EntityTypeSpec spec, string field = "entity_type")
    {
        var before = v.Violations.Count;
        v.Check(spec.DisplayName.Length <= AttributeDefinitionRules.MaxDisplayNameLength, $"{field}.display_name",
                $"must be at most {AttributeDefinitionRules.MaxDisplayNameLength} characters")
         .Check(spec.Description.Length <= AttributeDefinitionRules.MaxDescriptionLength, $"{field}.description",
                $"must be at most {AttributeDefinitionRules.MaxDescriptionLength} characters")
         .Check(spec.Attributes.Count <= MaxAttributes, $"{field}.attributes", $"at most {MaxAttributes} attributes");

        var attributes = new List<AttributeDefinition>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < spec.Attributes.Count; i++)
        {
            var path = $"{field}.attributes[{i}]";
            if (!keys.Add(spec.Attributes[i].Key))
            {
                v.Add($"{path}.key", $"'{spec.Attributes[i].Key}' is defined twice");
            }
            else if (AttributeDefinitionRules.Check(v, spec.Attributes[i], path) is { } canonical)
            {
                attributes.Add(canonical);
            }
        }

        Hints(v, spec, $"{field}.query_hints");
        var indexes = IndexBudget.Count(spec.Attributes, spec.QueryHints);
        v.Check(indexes <= IndexBudget.MaxIndexesPerType, $"{field}.attributes",
            $"needs {indexes} indexes (one per filterable or sortable attribute, per unique attribute and per query hint); the limit is {IndexBudget.MaxIndexesPerType}");
        return v.Violations.Count > before ? null : attributes;
    }

    private static void Hints(Validation v, EntityTypeSpec spec, string field)
    {
        v.Check(spec.QueryHints.Count <= MaxQueryHints, field, $"at most {MaxQueryHints} query hints");
        var byKey = spec.Attributes.GroupBy(a => a.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        for (var i = 0; i < spec.QueryHints.Count; i++)
        {
            var hint = spec.QueryHints[i];
            var path = $"{field}[{i}]";
            v.Check(hint.FilterKeys.Count is >= 1 and <= MaxHintFilterKeys, $"{path}.filter_keys", $"needs 1 to {MaxHintFilterKeys} attribute keys")
             .Check(hint.FilterKeys.Distinct(StringComparer.Ordinal).Count() == hint.FilterKeys.Count, $"{path}.filter_keys", "lists a key twice")
             .Check(spec.QueryHints.Take(i).All(h => !h.Equals(hint)), path, "repeats an earlier hint");
            foreach (var key in hint.FilterKeys)
            {
                var a = byKey.GetValueOrDefault(key);
                v.Check(a is { Filterable: true, Repeated: false } && a.Type.IsIndexable(), $"{path}.filter_keys",
                    $"'{key}' must be a filterable, single-valued attribute of an indexable type");
            }

            if (hint.SortKey is { } sort && !SystemFields.IsSystemField(sort))
            {
                v.Check(byKey.GetValueOrDefault(sort) is { Sortable: true }, $"{path}.sort_key",
                    $"'{sort}' must be a sortable attribute, create_time or update_time");
            }

            var strings = hint.FilterKeys.Append(hint.SortKey ?? "").Count(k => byKey.GetValueOrDefault(k)?.Type == AttributeType.String);
            v.Check(strings <= MaxHintStringKeys, path, $"at most {MaxHintStringKeys} STRING attributes per hint (index rows have a size limit)");
        }
    }
}
