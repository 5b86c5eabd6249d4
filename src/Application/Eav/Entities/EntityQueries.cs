using Platform.Application.Eav.Filtering;
using Platform.Application.Eav.Filtering.Bound;
using Platform.Application.Eav.Filtering.Ordering;
using Platform.Domain.Common;
using Platform.Domain.Eav;

namespace Platform.Application.Eav.Entities;

/// <summary>The parts of a list, export or aggregate request bound to the type: filter, sort and projection.</summary>
internal static class EntityQueries
{
    public static Result<BoundFilter?> Filter(string? filter, EntityType type) =>
        string.IsNullOrWhiteSpace(filter) ? Result<BoundFilter?>.Success(null) : EavFilter.Parse(filter, type);

    /// <summary>A blank order_by lists by id: the primary key serves it, so it is never a sort.</summary>
    public static Result<IReadOnlyList<SortKey>> Order(string? orderBy, EntityType type) =>
        string.IsNullOrWhiteSpace(orderBy) ? Result<IReadOnlyList<SortKey>>.Success([]) : OrderByParser.Parse(orderBy, type);

    /// <summary>The attribute keys a read_mask keeps; null keeps all.</summary>
    public static Result<IReadOnlySet<string>?> Mask(IReadOnlyList<string> paths, EntityType type, string field = "read_mask")
    {
        if (paths.Count == 0 || paths.Contains("attributes") || paths.Contains("*"))
        {
            return Result<IReadOnlySet<string>?>.Success(null);
        }

        var keys = new HashSet<string>(StringComparer.Ordinal);
        var v = new Validation();
        foreach (var path in paths)
        {
            if (path is "name" or "version" or "create_time" or "update_time" or "delete_time" or "etag")
            {
                continue; // Always returned; listing them is harmless.
            }

            var key = path.StartsWith("attributes.", StringComparison.Ordinal) ? path["attributes.".Length..] : null;
            if (key is null || type.FindAttribute(key) is null)
            {
                v.Add(field, $"'{path}' is not attributes.{{key}} of an attribute of {type.ResourceName}");
                continue;
            }

            keys.Add(key);
        }

        return v.ToError() is { } error ? error : keys;
    }

    public static FilterSubject Subject(Entity entity) => new(entity.Id, entity.CreateTime, entity.UpdateTime, entity.Attributes);
}
