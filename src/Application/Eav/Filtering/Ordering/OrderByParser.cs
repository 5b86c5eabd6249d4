using Platform.Application.Eav.Filtering.Bound;
using Platform.Domain.Common;
using Platform.Domain.Eav;

namespace Platform.Application.Eav.Filtering.Ordering;

/// <summary>
/// Parses AIP-132 order_by: comma-separated fields, each optionally followed by "asc" or "desc"
/// (<c>attributes.price desc, create_time</c>). Fields must be sortable. A blank order_by sorts
/// by create_time; the id tiebreak is implicit.
/// </summary>
public static class OrderByParser
{
    public static readonly IReadOnlyList<SortKey> Default = [new SortKey(FilterField.CreateTime, Descending: false)];

    public static Result<IReadOnlyList<SortKey>> Parse(string? orderBy, EntityType type)
    {
        if (string.IsNullOrWhiteSpace(orderBy))
        {
            return Result<IReadOnlyList<SortKey>>.Success(Default);
        }

        if (orderBy.Length > FilterLimits.MaxOrderByLength)
        {
            return Fail(orderBy, FilterLimits.MaxOrderByLength, $"order_by is longer than {FilterLimits.MaxOrderByLength} characters");
        }

        var keys = new List<SortKey>();
        var start = 0;
        foreach (var item in orderBy.Split(','))
        {
            if (!Key(orderBy, item, start, type).TryGetValue(out var key, out var error))
            {
                return error;
            }

            if (keys.Any(k => k.Field == key.Field))
            {
                return Fail(orderBy, start + Leading(item), $"{key.Field.Name} is listed twice");
            }

            if (keys.Count == FilterLimits.MaxSortKeys)
            {
                return Fail(orderBy, start + Leading(item), $"at most {FilterLimits.MaxSortKeys} sort keys");
            }

            keys.Add(key);
            start += item.Length + 1;
        }

        return keys;
    }

    private static Result<SortKey> Key(string orderBy, string item, int start, EntityType type)
    {
        var words = item.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var at = start + Leading(item);
        if (words.Length == 0)
        {
            return Fail(orderBy, at, "expected a field name");
        }

        var direction = words.Length > 1 ? words[1].ToLowerInvariant() : "asc";
        if (words.Length > 2 || direction is not ("asc" or "desc"))
        {
            return Fail(orderBy, start + item.IndexOf(words[1], StringComparison.Ordinal), $"expected 'asc', 'desc' or ',' after {words[0]}");
        }

        var field = Field(words[0], type, out var problem);
        return field is null ? Fail(orderBy, at, problem) : new SortKey(field, direction == "desc");
    }

    private static FilterField? Field(string name, EntityType type, out string problem)
    {
        problem = "";
        if (SystemFields.IsSystemField(name))
        {
            return name == SystemFields.CreateTime ? FilterField.CreateTime : FilterField.UpdateTime;
        }

        const string prefix = "attributes.";
        var attribute = name.StartsWith(prefix, StringComparison.Ordinal) ? type.FindAttribute(name[prefix.Length..]) : null;
        problem = attribute switch
        {
            null when !name.StartsWith(prefix, StringComparison.Ordinal) => $"unknown field '{name}'; sort by attributes.<key>, create_time or update_time",
            null => $"unknown attribute '{name[prefix.Length..]}': {type.ResourceName} has no attribute of that name",
            { Sortable: false } => $"{attribute.Path} is not sortable; mark it sortable in the entity type to sort by it",
            _ => "",
        };
        return problem.Length == 0 ? FilterField.For(attribute!) : null;
    }

    private static int Leading(string item) => item.Length - item.TrimStart().Length;

    private static Error Fail(string orderBy, int index, string message) => FilterErrors.At(orderBy, index, message, FilterErrors.OrderByField);
}
