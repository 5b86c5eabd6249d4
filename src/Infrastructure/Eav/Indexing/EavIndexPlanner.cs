using System.Security.Cryptography;
using System.Text;
using Platform.Application.Eav.Filtering.Bound;
using Platform.Domain.Eav;
using Platform.Infrastructure.Eav.Dialects;

namespace Platform.Infrastructure.Eav.Indexing;

/// <summary>
/// The indexes an entity type should have on a provider (what <see cref="IndexBudget"/> counts):
/// (sort keys, id) per filterable or sortable attribute — id last, so keyset pages in either
/// direction are one index scan — a unique (expr) per unique attribute (the raw expression: NULLs
/// are distinct, so entities without a value never collide), and
/// (sort keys of each filter key…, of the sort key, id) per query hint, all after the dialect's
/// <see cref="EavDialect.IndexPrefix"/>. Each index names the attributes it serves, so a build
/// state can be reported per attribute. <see cref="EavIndexes"/> records this set and
/// <see cref="EavIndexBuilder"/> creates what is missing with <see cref="EavDialect.CreateIndexSql"/>.
/// </summary>
public static class EavIndexPlanner
{
    public static IReadOnlyList<EavIndex> For(EavDialect dialect, string tenantId, EntityType type)
    {
        var indexes = new List<EavIndex>();
        foreach (var attribute in type.VisibleAttributes)
        {
            if (attribute.NeedsIndex)
            {
                indexes.Add(Index(tenantId, type.Id, [.. dialect.IndexPrefix, .. dialect.IndexExpressions(attribute), dialect.IdExpression], unique: false, [attribute.Key]));
            }

            if (attribute.NeedsUniqueIndex)
            {
                indexes.Add(Index(tenantId, type.Id, [.. dialect.IndexPrefix, dialect.AttributeExpression(attribute)], unique: true, [attribute.Key]));
            }
        }

        foreach (var hint in type.QueryHints)
        {
            var keys = dialect.IndexPrefix.ToList();
            keys.AddRange(hint.FilterKeys.SelectMany(k => dialect.SortExpressions(FilterField.For(type.FindAttribute(k)!))));
            if (hint.SortKey is { } sort)
            {
                keys.AddRange(dialect.SortExpressions(SystemFields.IsSystemField(sort)
                    ? (sort == SystemFields.CreateTime ? FilterField.CreateTime : FilterField.UpdateTime)
                    : FilterField.For(type.FindAttribute(sort)!)));
            }

            keys.Add(dialect.IdExpression);
            IReadOnlyList<string> served = hint.SortKey is { } s && !SystemFields.IsSystemField(s) ? [.. hint.FilterKeys, s] : hint.FilterKeys;
            indexes.Add(Index(tenantId, type.Id, keys, unique: false, [.. served.Distinct(StringComparer.Ordinal)]));
        }

        return indexes;
    }

    private static EavIndex Index(string tenantId, string typeId, IReadOnlyList<string> keys, bool unique, IReadOnlyList<string> attributeKeys)
    {
        var identity = $"{tenantId}\u001f{typeId}\u001f{unique}\u001f{string.Join('\u001f', keys)}";
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..24];
        return new EavIndex($"eav_{digest}", tenantId, typeId, keys, unique) { AttributeKeys = attributeKeys };
    }
}
