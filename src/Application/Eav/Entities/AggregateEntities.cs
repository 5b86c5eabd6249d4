using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Eav;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;

namespace Platform.Application.Eav.Entities;

public enum AggregateFunction
{
    Count = 1,
    Sum = 2,
    Avg = 3,
    Min = 4,
    Max = 5,
}

/// <param name="Attribute">Null for COUNT of entities.</param>
public sealed record AggregationSpec(AggregateFunction Function, string? Attribute);

public sealed record AggregateEntitiesQuery(string Parent, string? Filter, IReadOnlyList<string> GroupBy, IReadOnlyList<AggregationSpec> Aggregations, int Limit)
    : IQuery<Result<IReadOnlyList<AggregateGroup>>>, IValidatable
{
    public const int MaxGroupBy = 2;
    public const int MaxAggregations = 10;
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public Error? Validate() => new Validation()
        .Merge(EntityTypeNames.EntityType(Parent, "parent").Error)
        .Check(GroupBy.Count <= MaxGroupBy, "group_by", $"must name at most {MaxGroupBy} attributes")
        .Check(Aggregations.Count is > 0 and <= MaxAggregations, "aggregations", $"must hold 1 to {MaxAggregations} aggregations")
        .Check(Limit is >= 0 and <= MaxLimit, "limit", $"must be 0 (default {DefaultLimit}) to {MaxLimit}")
        .ToError();
}

/// <param name="Values">One per aggregation; null when no entity of the group has a value.</param>
public sealed record AggregateGroup(IReadOnlyList<AttributeValue?> Keys, IReadOnlyList<AttributeValue?> Values, long Count);

/// <summary>
/// Aggregates the matching entities exactly (decimal arithmetic, never double) over the filtered
/// stream, so both providers give identical answers; the filter runs in SQL.
/// </summary>
internal sealed class AggregateEntitiesHandler(IEntityTypeRepository types, IEntityStore store, IRequestContext context)
    : IQueryHandler<AggregateEntitiesQuery, Result<IReadOnlyList<AggregateGroup>>>
{
    public async ValueTask<Result<IReadOnlyList<AggregateGroup>>> Handle(AggregateEntitiesQuery query, CancellationToken ct)
    {
        if (!(await EntityAccess.TypeAsync(types, context, query.Parent, ct)).TryGetValue(out var type, out var failed))
        {
            return failed;
        }

        if (!EntityQueries.Filter(query.Filter, type).TryGetValue(out var filter, out var badFilter))
        {
            return badFilter;
        }

        if (!Bind(query, type).TryGetValue(out var bound, out var invalid))
        {
            return invalid;
        }

        var (groupBy, measures) = bound;
        var groups = new Dictionary<GroupKey, Accumulator[]>();
        await foreach (var entity in store.StreamAsync(type, filter, includeDeleted: false, ct))
        {
            var key = new GroupKey(groupBy.Select(a => entity.Attributes.Get(a.Key)).ToList());
            if (!groups.TryGetValue(key, out var accumulators))
            {
                groups[key] = accumulators = measures.Select(m => new Accumulator(m.Function)).ToArray();
            }

            for (var i = 0; i < measures.Count; i++)
            {
                accumulators[i].Add(measures[i].Attribute is { } a ? entity.Attributes.Get(a.Key) : new BoolValue(true));
            }
        }

        var limit = query.Limit == 0 ? AggregateEntitiesQuery.DefaultLimit : query.Limit;
        return groups.Select(g => new AggregateGroup(g.Key.Values, g.Value.Select(a => a.Result()).ToList(), g.Value.Length == 0 ? 0 : g.Value[0].Rows))
            .OrderByDescending(g => g.Count).ThenBy(g => g.Keys, KeysComparer.Instance)
            .Take(limit).ToList();
    }

    private static Result<(IReadOnlyList<AttributeDefinition> GroupBy, IReadOnlyList<(AggregateFunction Function, AttributeDefinition? Attribute)> Measures)> Bind(
        AggregateEntitiesQuery query, EntityType type)
    {
        var v = new Validation();
        var groupBy = new List<AttributeDefinition>();
        for (var i = 0; i < query.GroupBy.Count; i++)
        {
            var key = Key(query.GroupBy[i]);
            var attribute = type.FindAttribute(key);
            if (attribute is not { Filterable: true, Repeated: false })
            {
                v.Add($"group_by[{i}]", $"'{key}' is not a filterable single-valued attribute of {type.ResourceName}");
            }
            else
            {
                groupBy.Add(attribute);
            }
        }

        var measures = new List<(AggregateFunction, AttributeDefinition?)>();
        for (var i = 0; i < query.Aggregations.Count; i++)
        {
            var (function, name) = query.Aggregations[i];
            var attribute = string.IsNullOrEmpty(name) ? null : type.FindAttribute(Key(name));
            var field = $"aggregations[{i}].attribute";
            if (!Enum.IsDefined(function))
            {
                v.Add($"aggregations[{i}].function", "is required");
            }
            else if (!string.IsNullOrEmpty(name) && attribute is null)
            {
                v.Add(field, $"'{name}' is not an attribute of {type.ResourceName}");
            }
            else if (attribute is null && function != AggregateFunction.Count)
            {
                v.Add(field, $"{function.ToString().ToUpperInvariant()} needs an attribute");
            }
            else if (attribute is { Repeated: true })
            {
                v.Add(field, "repeated attributes cannot be aggregated");
            }
            else if (attribute is not null && function is AggregateFunction.Sum or AggregateFunction.Avg && attribute.Type is not (AttributeType.Int64 or AttributeType.Decimal))
            {
                v.Add(field, $"{function.ToString().ToUpperInvariant()} needs an INT64 or DECIMAL attribute");
            }
            else if (attribute is not null && function is AggregateFunction.Min or AggregateFunction.Max && attribute.Type is AttributeType.Text or AttributeType.GeoPoint or AttributeType.Bool)
            {
                v.Add(field, $"{function.ToString().ToUpperInvariant()} needs an ordered attribute (INT64, DECIMAL, DATE, TIMESTAMP, STRING, ENUM, REFERENCE)");
            }
            else
            {
                measures.Add((function, attribute));
            }
        }

        return v.ToError() is { } error ? error : (groupBy, measures);
    }

    private static string Key(string path) => path.StartsWith("attributes.", StringComparison.Ordinal) ? path["attributes.".Length..] : path;

    private sealed class GroupKey(IReadOnlyList<AttributeValue?> values) : IEquatable<GroupKey>
    {
        public IReadOnlyList<AttributeValue?> Values { get; } = values;

        public bool Equals(GroupKey? other) => other is not null && Values.SequenceEqual(other.Values);

        public override bool Equals(object? obj) => Equals(obj as GroupKey);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            foreach (var value in Values)
            {
                hash.Add(value);
            }

            return hash.ToHashCode();
        }
    }

    private sealed class KeysComparer : IComparer<IReadOnlyList<AttributeValue?>>
    {
        public static readonly KeysComparer Instance = new();

        public int Compare(IReadOnlyList<AttributeValue?>? x, IReadOnlyList<AttributeValue?>? y)
        {
            for (var i = 0; i < Math.Min(x!.Count, y!.Count); i++)
            {
                var c = AttributeValueComparer.Instance.Compare(x[i], y[i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return 0;
        }
    }
}
