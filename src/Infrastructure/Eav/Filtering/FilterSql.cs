using Platform.Application.Eav.Filtering.Bound;
using Platform.Infrastructure.Eav.Dialects;
using Platform.Infrastructure.Eav.Sql;

namespace Platform.Infrastructure.Eav.Filtering;

/// <summary>
/// Writes a bound filter as a SQL predicate. SQL is three-valued (a comparison with a missing
/// attribute is NULL, not false), so NOT is written as <c>NOT COALESCE(p, FALSE)</c>: every
/// sub-predicate is then either its two-valued result or NULL where that result is false, which
/// is exactly the in-memory semantics. Attribute comparisons are the dialect's, written over the
/// attribute's index keys (<see cref="EavDialect.WriteComparison"/>).
/// </summary>
internal static class FilterSql
{
    public static void Write(SqlWriter w, EavDialect dialect, BoundFilter filter)
    {
        switch (filter)
        {
            case BoundAnd { Operands.Count: 0 }:
                w.Append("TRUE");
                break;
            case BoundOr { Operands.Count: 0 }:
                w.Append("FALSE");
                break;
            case BoundAnd and:
                w.Append("(").Join(and.Operands, " AND ", (x, o) => Write(x, dialect, o)).Append(")");
                break;
            case BoundOr or:
                w.Append("(").Join(or.Operands, " OR ", (x, o) => Write(x, dialect, o)).Append(")");
                break;
            case BoundNot not:
                w.Append("NOT COALESCE(");
                Write(w, dialect, not.Operand);
                w.Append(", FALSE)");
                break;
            case BoundComparison { Field.Attribute: { } attribute } c:
                dialect.WriteComparison(w, attribute, c.Op, dialect.Argument(c.Field, c.Value));
                break;
            case BoundComparison c:
                w.Append(dialect.FieldExpression(c.Field)).Append(EavDialect.Operator(c.Op)).Value(dialect.Argument(c.Field, c.Value));
                break;
            case BoundPresence p:
                dialect.WritePresence(w, p.Attribute);
                break;
            case BoundSubstring s:
                dialect.WriteSubstring(w, s.Attribute, s.Text);
                break;
            case BoundAnyElement e:
                dialect.WriteAnyElement(w, e.Attribute, e.Op, e.Value);
                break;
            case BoundLongerThan l:
                dialect.WriteLongerThan(w, l.Attribute, l.MaxLength);
                break;
            default:
                throw new ArgumentException($"Unknown filter node {filter.GetType().Name}.", nameof(filter));
        }
    }
}
