using System.Data.Common;
using Microsoft.Data.Sqlite;
using Platform.Application.Eav.Filtering.Bound;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;
using Platform.Infrastructure.Eav.Sql;

namespace Platform.Infrastructure.Eav.Dialects;

/// <summary>
/// SQLite over TEXT JSON with json_extract. Text compares as BINARY (byte order), INT64 and BOOL
/// come back as INTEGER. DECIMAL cannot: json_extract turns 1.000000000000000000000000001 into
/// the double 1.0, so the stored document carries a shadow key <c>"~k"</c> per decimal attribute
/// holding its <see cref="DecimalSortKey"/> (an array of keys when repeated), and every decimal
/// comparison, sort and index reads the shadow. An attribute's key is
/// <c>COALESCE(expr, x'')</c>: an empty BLOB sorts after every number and text, so missing
/// values sort last and "at least v, or missing" is one range — SQLite cannot use row values
/// over indexed expressions. Indexes lead with (tenant_id, type_id), without which SQLite does
/// not order through them. See docs/adr/0006-eav-value-encoding.md.
/// </summary>
public sealed class SqliteEavDialect : EavDialect
{
    public static readonly SqliteEavDialect Instance = new();

    /// <summary>Prefix of storage-only keys; attribute keys start with a letter, so they cannot collide.</summary>
    public const string ShadowPrefix = "~";

    /// <summary>What a missing value sorts as: a BLOB, greater than every number and text.</summary>
    private const string Missing = "x''";

    private SqliteEavDialect()
    {
    }

    public override string Name => "SQLite";

    public override string IdExpression => EavTable.Id;

    public override IReadOnlyList<string> IndexPrefix => [EavTable.TenantId, EavTable.TypeId];

    public override string HasValue(AttributeDefinition attribute) => $"{Key(attribute)} < {Missing}";

    public override string AttributeExpression(AttributeDefinition attribute) =>
        $"json_extract({EavTable.Attributes}, '{Path(attribute)}')";

    public override SqlValue Argument(AttributeType type, AttributeValue value) => value switch
    {
        Int64Value i => new SqlValue(i.Value, SqlArgumentType.Int64),
        BoolValue b => new SqlValue(b.Value ? 1L : 0L, SqlArgumentType.Int64),
        DecimalValue d => new SqlValue(DecimalSortKey.For(d.Value), SqlArgumentType.Text),
        _ => new SqlValue(AttributeValueText.Format(value), SqlArgumentType.Text),
    };

    public override string EncodeDocument(AttributeMap attributes) => AttributeJson.Write(w =>
    {
        AttributeJson.WriteProperties(w, attributes);
        foreach (var (key, value) in attributes)
        {
            switch (value)
            {
                case DecimalValue d:
                    w.WriteString(ShadowPrefix + key, DecimalSortKey.For(d.Value));
                    break;
                case ListValue { Items: [DecimalValue, ..] } list:
                    w.WriteStartArray(ShadowPrefix + key);
                    foreach (var item in list.Items.Cast<DecimalValue>())
                    {
                        w.WriteStringValue(DecimalSortKey.For(item.Value));
                    }

                    w.WriteEndArray();
                    break;
            }
        }
    });

    // SQLite has one writer anyway; the index is built in one statement.
    protected override string Concurrently => "";

    public override void Bind(DbCommand command, IReadOnlyList<SqlArgument> arguments)
    {
        foreach (var a in arguments)
        {
            command.Parameters.Add(new SqliteParameter(a.Name, a.Type == SqlArgumentType.Int64 ? SqliteType.Integer : SqliteType.Text) { Value = a.Value });
        }
    }

    internal override void WriteComparison(SqlWriter w, AttributeDefinition attribute, CompareOp op, SqlValue value)
    {
        // Missing sorts above every value, so only > and >= need the upper bound to exclude it.
        w.Append("(").Append(Key(attribute)).Append(Operator(op)).Value(value);
        w.Append(op is CompareOp.Greater or CompareOp.GreaterOrEqual ? $" AND {HasValue(attribute)})" : ")");
    }

    internal override void WritePresence(SqlWriter w, AttributeDefinition attribute) =>
        w.Append(attribute.Repeated ? $"json_type({EavTable.Attributes}, '{Path(attribute)}') IS NOT NULL" : HasValue(attribute));

    internal override void WriteSubstring(SqlWriter w, AttributeDefinition attribute, string text) =>
        w.Append($"instr({AttributeExpression(attribute)}, ").Value(new SqlValue(text, SqlArgumentType.Text)).Append(") > 0");

    private protected override string ItemsSource(AttributeDefinition attribute) => $"json_each({EavTable.Attributes}, '{Path(attribute)}') AS e";

    private protected override string ItemExpression(AttributeDefinition attribute) => ItemText;

    private protected override string ItemText => "e.value";

    private protected override string LengthFunction => "length";

    protected override IReadOnlyList<string> AttributeSortExpressions(AttributeDefinition attribute) => [Key(attribute)];

    private protected override void WriteAttributeSeekBound(SqlWriter w, AttributeDefinition attribute, bool descending, SqlValue value) =>
        w.Append(Key(attribute)).Append(descending ? " <= " : " >= ").Value(value);

    private string Key(AttributeDefinition attribute) => $"COALESCE({AttributeExpression(attribute)}, {Missing})";

    private static string Path(AttributeDefinition attribute) =>
        attribute.Type == AttributeType.Decimal ? $"$.\"{ShadowPrefix}{Literal(attribute.Key)}\"" : $"$.{Literal(attribute.Key)}";
}
