using Platform.Application.Eav.Filtering.Bound;
using Platform.Application.Eav.Filtering.Syntax;
using Platform.Domain.Common;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;

namespace Platform.Application.Eav.Filtering;

/// <summary>
/// Type-checks a parsed filter against an entity type. Unknown attributes, attributes that are not
/// filterable (a filter never silently scans), operators the type does not support and literals
/// that do not convert are errors naming the field, at its column. What each type supports:
/// = and != for every filterable single-valued type but TEXT; &lt; &lt;= &gt; &gt;= for STRING,
/// INT64, DECIMAL, DATE, TIMESTAMP and the system fields; ':' as substring on STRING and TEXT,
/// as "has item" on repeated attributes, and ':*' as presence on any attribute.
/// </summary>
public sealed class FilterBinder
{
    private readonly EntityType _type;
    private readonly string _text;

    private FilterBinder(EntityType type, string text)
    {
        _type = type;
        _text = text;
    }

    public static Result<BoundFilter> Bind(FilterSyntax syntax, EntityType type, string text) => new FilterBinder(type, text).Bind(syntax);

    private Result<BoundFilter> Bind(FilterSyntax syntax) => syntax switch
    {
        AndSyntax and => BindAll(and.Operands).Map(list => (BoundFilter)new BoundAnd(list)),
        OrSyntax or => BindAll(or.Operands).Map(list => (BoundFilter)new BoundOr(list)),
        NotSyntax not => Bind(not.Operand).Map(operand => (BoundFilter)new BoundNot(operand)),
        RestrictionSyntax r => Restriction(r),
        _ => Fail(syntax.Position, "expected a comparison"),
    };

    private Result<IReadOnlyList<BoundFilter>> BindAll(IReadOnlyList<FilterSyntax> operands)
    {
        var bound = new List<BoundFilter>(operands.Count);
        foreach (var operand in operands)
        {
            if (!Bind(operand).TryGetValue(out var b, out var error))
            {
                return error;
            }

            bound.Add(b);
        }

        return bound;
    }

    private Result<BoundFilter> Restriction(RestrictionSyntax r)
    {
        if (!Field(r).TryGetValue(out var field, out var error))
        {
            return error;
        }

        if (field.Attribute is not { } attribute)
        {
            return r.Comparator == Comparator.Has
                ? Fail(r.ComparatorPosition, $"':' is not supported on {field.Name}; compare it with =, !=, <, <=, > or >=")
                : Compare(field, r);
        }

        if (r.Comparator == Comparator.Has && r.Value.Kind == LiteralKind.Star)
        {
            return new BoundPresence(attribute);
        }

        if (attribute.Repeated)
        {
            return r.Comparator == Comparator.Has
                ? Literal(field, r.Value).Map(v => (BoundFilter)new BoundAnyElement(attribute, CompareOp.Equal, v))
                : Fail(r.ComparatorPosition, $"{attribute.Path} is repeated; test for an item with {attribute.Path}:value");
        }

        if (r.Comparator == Comparator.Has)
        {
            return attribute.Type.HasLength()
                ? Literal(field, r.Value).Map(v => (BoundFilter)new BoundSubstring(attribute, ((TextValue)v).Value))
                : Fail(r.ComparatorPosition, $"':' on {attribute.Path} ({attribute.Type.WireName()}) is not supported; use =");
        }

        if (attribute.Type == AttributeType.Text)
        {
            return Fail(r.ComparatorPosition, $"{attribute.Path} is TEXT: use ':' for a substring test (or search)");
        }

        if (r.Comparator is not (Comparator.Equal or Comparator.NotEqual) && !attribute.Type.IsOrdered())
        {
            return Fail(r.ComparatorPosition, $"{attribute.Path} ({attribute.Type.WireName()}) supports only = and !=");
        }

        return Compare(field, r);
    }

    private Result<FilterField> Field(RestrictionSyntax r)
    {
        if (SystemFields.IsSystemField(r.Field))
        {
            return r.Field == SystemFields.CreateTime ? FilterField.CreateTime : FilterField.UpdateTime;
        }

        const string prefix = "attributes.";
        if (!r.Field.StartsWith(prefix, StringComparison.Ordinal))
        {
            return Fail(r.Position, $"unknown field '{r.Field}'; filter on attributes.<key>, create_time or update_time");
        }

        var key = r.Field[prefix.Length..];
        if (_type.FindAttribute(key) is not { } attribute)
        {
            return Fail(r.Position, $"unknown attribute '{key}': {_type.ResourceName} has no attribute of that name");
        }

        return attribute.Filterable
            ? FilterField.For(attribute)
            : Fail(r.Position, $"{attribute.Path} is not filterable; mark it filterable in the entity type to filter on it");
    }

    private Result<BoundFilter> Compare(FilterField field, RestrictionSyntax r)
    {
        if (!Literal(field, r.Value).TryGetValue(out var value, out var error))
        {
            return error;
        }

        var op = r.Comparator switch
        {
            Comparator.Less => CompareOp.Less,
            Comparator.LessOrEqual => CompareOp.LessOrEqual,
            Comparator.Greater => CompareOp.Greater,
            Comparator.GreaterOrEqual => CompareOp.GreaterOrEqual,
            _ => CompareOp.Equal,
        };
        var comparison = new BoundComparison(field, op, value);
        return r.Comparator == Comparator.NotEqual ? new BoundNot(comparison) : comparison;
    }

    private Result<AttributeValue> Literal(FilterField field, LiteralSyntax literal)
    {
        if (literal.Kind == LiteralKind.Star)
        {
            return Fail(literal.Position, "'*' only tests presence: field:*");
        }

        if (FilterLiterals.Convert(field.ValueType, literal, out var problem) is not { } value)
        {
            return Fail(literal.Position, problem);
        }

        // An undeclared enum value can never match: almost certainly a typo worth reporting.
        // Other constraints (max, pattern) do not apply to what a filter may ask.
        return field.Attribute is { Type: AttributeType.Enum } e
            && AttributeValueRules.Violation(e with { Constraints = new() { EnumValues = e.Constraints.EnumValues } }, value) is { } undeclared
            ? Fail(literal.Position, undeclared)
            : value;
    }

    private Error Fail(int position, string message) => FilterErrors.At(_text, position, message);
}
