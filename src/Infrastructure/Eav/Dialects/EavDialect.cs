using System.Data.Common;
using Platform.Application.Eav.Filtering.Bound;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;
using Platform.Infrastructure.Eav.Indexing;
using Platform.Infrastructure.Eav.Sql;

namespace Platform.Infrastructure.Eav.Dialects;

/// <summary>
/// What differs between SQLite and PostgreSQL in EAV queries: how an attribute is read from the
/// JSON document, how a value is passed to compare with it, how missing values are ordered, the
/// few predicates that need provider functions, index DDL and parameter binding. The translator
/// writes everything else once. <see cref="SortExpressions"/> is the single source of the key
/// text used in WHERE comparisons, ORDER BY, keyset seeks and CREATE INDEX, so the planner can
/// always match the index (see docs/adr/0006-eav-value-encoding.md).
/// </summary>
public abstract class EavDialect
{
    public abstract string Name { get; }

    /// <summary>The id column as compared and ordered: byte order on both providers.</summary>
    public abstract string IdExpression { get; }

    /// <summary>Key columns every EAV index starts with (SQLite only orders through an index whose equality prefix it sees).</summary>
    public abstract IReadOnlyList<string> IndexPrefix { get; }

    /// <summary>The expression reading a single-valued attribute, NULL when the entity has none.</summary>
    public abstract string AttributeExpression(AttributeDefinition attribute);

    /// <summary>
    /// The index and ORDER BY keys of a field: ordered so that missing values come after every
    /// value ascending and before them descending, and so that "at or after v, or missing" is one
    /// index range. A time column is its own key.
    /// </summary>
    public IReadOnlyList<string> SortExpressions(FilterField field) =>
        field.Attribute is { } attribute ? AttributeSortExpressions(attribute) : [field.SystemField!];

    /// <summary>The index key expressions for an attribute: exactly the text the queries use.</summary>
    public IReadOnlyList<string> IndexExpressions(AttributeDefinition attribute) => AttributeSortExpressions(attribute);

    /// <summary>The expression for a field's raw value: an attribute (NULL when missing) or a time column.</summary>
    public string FieldExpression(FilterField field) => field.Attribute is { } attribute ? AttributeExpression(attribute) : field.SystemField!;

    /// <summary>"The attribute has a value", in a form the attribute's index serves.</summary>
    public abstract string HasValue(AttributeDefinition attribute);

    /// <summary>A canonical value as the parameter that compares correctly with the field's expressions.</summary>
    public SqlValue Argument(FilterField field, AttributeValue value) =>
        field.Attribute is { } attribute ? Argument(attribute.Type, value) : new SqlValue(((TimestampValue)value).Value, SqlArgumentType.Timestamp);

    public abstract SqlValue Argument(AttributeType type, AttributeValue value);

    /// <summary>The JSON written to the attrs column for a canonical map.</summary>
    public abstract string EncodeDocument(AttributeMap attributes);

    /// <summary>Reads an attrs column back (storage-only keys are skipped; hidden attributes kept).</summary>
    public virtual AttributeMap DecodeDocument(EntityType type, string json) => AttributeJsonReader.ReadStored(type, json);

    /// <summary>DDL for a planned index: partial on its tenant and type, and on live rows when unique.</summary>
    public string CreateIndexSql(EavIndex index) =>
        $"CREATE {(index.Unique ? "UNIQUE " : "")}INDEX {Concurrently}IF NOT EXISTS {index.Name} ON {EavTable.Name} " +
        $"({string.Join(", ", index.Keys)}) WHERE {PartialIndexPredicate(index)}";

    /// <summary>
    /// DDL run after an index is built so the planner can estimate filters on its attributes, or
    /// null when the provider needs none. Statistics of a partial index's expressions are not used
    /// for estimates, so without this every attribute filter looks like the default 0.5 % and the
    /// planner may pick a filter's index and sort everything instead of walking the sort's index.
    /// </summary>
    public virtual string? StatisticsSql(IEnumerable<AttributeDefinition> attributes) => null;

    public string DropIndexSql(string indexName) => $"DROP INDEX {Concurrently}IF EXISTS {indexName}";

    /// <summary>Adds <paramref name="arguments"/> to <paramref name="command"/> with provider types.</summary>
    public abstract void Bind(DbCommand command, IReadOnlyList<SqlArgument> arguments);

    /// <summary>
    /// "At or after <paramref name="value"/> in the key's order" as one index range: ascending,
    /// this includes the missing values; descending, it excludes them.
    /// </summary>
    internal void WriteSeekBound(SqlWriter w, FilterField field, bool descending, AttributeValue value)
    {
        if (field.Attribute is { } attribute)
        {
            WriteAttributeSeekBound(w, attribute, descending, Argument(attribute.Type, value));
        }
        else
        {
            w.Append(field.SystemField!).Append(descending ? " <= " : " >= ").Value(Argument(field, value));
        }
    }

    /// <summary>A comparison of a single-valued attribute; false (never NULL-and-true) for a missing value.</summary>
    internal abstract void WriteComparison(SqlWriter w, AttributeDefinition attribute, CompareOp op, SqlValue value);

    internal abstract void WritePresence(SqlWriter w, AttributeDefinition attribute);

    internal abstract void WriteSubstring(SqlWriter w, AttributeDefinition attribute, string text);

    /// <summary>Some item of a repeated attribute compares true: EXISTS over the items.</summary>
    internal virtual void WriteAnyElement(SqlWriter w, AttributeDefinition attribute, CompareOp op, AttributeValue value) =>
        w.Append($"EXISTS (SELECT 1 FROM {ItemsSource(attribute)} WHERE {ItemExpression(attribute)}{Operator(op)}")
         .Value(Argument(attribute.Type, value)).Append(")");

    /// <summary>The value, or some item, is longer than <paramref name="maxLength"/> code points (both length functions count them).</summary>
    internal void WriteLongerThan(SqlWriter w, AttributeDefinition attribute, int maxLength)
    {
        var limit = new SqlValue((long)maxLength, SqlArgumentType.Int64);
        w.Append(attribute.Repeated
                ? $"EXISTS (SELECT 1 FROM {ItemsSource(attribute)} WHERE {LengthFunction}({ItemText}) > "
                : $"{LengthFunction}({AttributeExpression(attribute)}) > ")
         .Value(limit).Append(attribute.Repeated ? ")" : "");
    }

    /// <summary>The items of a repeated attribute as a FROM item named e; no rows when the entity has none.</summary>
    private protected abstract string ItemsSource(AttributeDefinition attribute);

    /// <summary>One item, comparable with <see cref="Argument(AttributeType, AttributeValue)"/> like a single value.</summary>
    private protected abstract string ItemExpression(AttributeDefinition attribute);

    /// <summary>One item as text.</summary>
    private protected abstract string ItemText { get; }

    private protected abstract string LengthFunction { get; }

    /// <summary>"CONCURRENTLY " where the provider can build an index without blocking writes.</summary>
    protected abstract string Concurrently { get; }

    protected abstract IReadOnlyList<string> AttributeSortExpressions(AttributeDefinition attribute);

    private protected abstract void WriteAttributeSeekBound(SqlWriter w, AttributeDefinition attribute, bool descending, SqlValue value);

    internal static string Operator(CompareOp op) => op switch
    {
        CompareOp.Equal => " = ",
        CompareOp.Less => " < ",
        CompareOp.LessOrEqual => " <= ",
        CompareOp.Greater => " > ",
        _ => " >= ",
    };

    /// <summary>
    /// An attribute key as written into SQL text. Index matching needs the key as a literal, not
    /// a parameter; keys are identifiers (<see cref="AttributeKeys"/>) and anything else is refused.
    /// </summary>
    protected static string Literal(string key) =>
        AttributeKeys.IsValid(key) ? key : throw new ArgumentException($"'{key}' is not a valid attribute key.", nameof(key));

    /// <summary>A tenant or type id as SQL literal text: validated ids only ([a-z0-9-]), never quoted input.</summary>
    public static string IdLiteral(string id) =>
        EntityIds.IsValid(id) ? id : throw new ArgumentException($"'{id}' is not a valid tenant or type id.", nameof(id));

    /// <summary>
    /// DDL cannot take parameters, so tenant and type ids are written as literals. Both are
    /// validated ids ([a-z0-9-]); anything else is refused here rather than quoted.
    /// </summary>
    private static string PartialIndexPredicate(EavIndex index)
    {
        if (!EntityIds.IsValid(index.TenantId) || !EntityIds.IsValid(index.TypeId))
        {
            throw new ArgumentException("Index predicates take validated tenant and type ids only.", nameof(index));
        }

        var live = index.Unique ? $" AND {EavTable.DeleteTime} IS NULL" : "";
        return $"{EavTable.TenantId} = '{index.TenantId}' AND {EavTable.TypeId} = '{index.TypeId}'{live}";
    }
}
