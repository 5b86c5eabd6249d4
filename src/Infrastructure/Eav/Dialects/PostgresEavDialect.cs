using System.Data.Common;
using Npgsql;
using NpgsqlTypes;
using Platform.Application.Eav.Filtering.Bound;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;
using Platform.Infrastructure.Eav.Sql;

namespace Platform.Infrastructure.Eav.Dialects;

/// <summary>
/// PostgreSQL over jsonb. Numbers and booleans are compared as jsonb (<c>attrs-&gt;'k'</c>):
/// exact numeric comparison, and no cast that could fail on another tenant's value under the same
/// key. Text, dates and timestamps are compared as text under COLLATE "C" (byte order; dates and
/// timestamps are fixed width) — a ::timestamptz or ::date cast is not immutable and cannot be
/// indexed. An attribute's keys are <c>(expr IS NULL), expr</c>: the flag puts missing values
/// last, and row values over both make seeks one range. The flag test is written
/// <c>flag IS FALSE</c> because the planner rewrites <c>flag = false</c> into
/// <c>expr IS NOT NULL</c>, which no longer matches the index's leading column. Equality on
/// repeated attributes is jsonb containment, served by the table's GIN jsonb_path_ops index
/// (<see cref="ContainmentIndexSql"/>). See docs/adr/0006-eav-value-encoding.md.
/// </summary>
public sealed class PostgresEavDialect : EavDialect
{
    public static readonly PostgresEavDialect Instance = new();

    /// <summary>The one table-wide GIN index for containment; created by the migration that creates the table.</summary>
    public const string ContainmentIndexSql =
        $"CREATE INDEX IF NOT EXISTS ix_{EavTable.Name}_{EavTable.Attributes}_containment ON {EavTable.Name} USING GIN ({EavTable.Attributes} jsonb_path_ops)";

    private PostgresEavDialect()
    {
    }

    public override string Name => "PostgreSQL";

    public override string IdExpression => $"({EavTable.Id} COLLATE \"C\")";

    public override IReadOnlyList<string> IndexPrefix => [];

    public override string HasValue(AttributeDefinition attribute) => $"{Flag(attribute)} IS FALSE";

    public override string AttributeExpression(AttributeDefinition attribute) =>
        IsJsonCompared(attribute.Type) ? Json(attribute.Key) : $"({Text(attribute.Key)} COLLATE \"C\")";

    // The canonical text of a number or bool is also its JSON.
    public override SqlValue Argument(AttributeType type, AttributeValue value) =>
        new(AttributeValueText.Format(value), IsJsonCompared(type) ? SqlArgumentType.Json : SqlArgumentType.Text);

    public override string EncodeDocument(AttributeMap attributes) => AttributeJson.Serialize(attributes);

    /// <summary>
    /// Table-wide expression statistics (PostgreSQL 14+), one object per expression however many
    /// tenants use the key, refreshed by autovacuum's ANALYZE like the table's own.
    /// </summary>
    public override string? StatisticsSql(IEnumerable<AttributeDefinition> attributes)
    {
        var statements = attributes.Where(a => !a.Repeated).Select(a => AttributeExpression(a)).Distinct(StringComparer.Ordinal)
            .Select(e => $"CREATE STATISTICS IF NOT EXISTS eav_stat_{Digest(e)} ON ({e}) FROM {EavTable.Name}").ToList();
        return statements.Count == 0 ? null : string.Join("; ", statements) + $"; ANALYZE {EavTable.Name}";
    }

    private static string Digest(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..20];

    // Built while the type stays writable; PostgreSQL cannot do that inside a transaction, so run it alone.
    protected override string Concurrently => "CONCURRENTLY ";

    public override void Bind(DbCommand command, IReadOnlyList<SqlArgument> arguments)
    {
        foreach (var a in arguments)
        {
            command.Parameters.Add(new NpgsqlParameter(a.Name[1..], a.Type switch
            {
                SqlArgumentType.Json => NpgsqlDbType.Jsonb,
                SqlArgumentType.Int64 => NpgsqlDbType.Bigint,
                SqlArgumentType.Timestamp => NpgsqlDbType.TimestampTz,
                _ => NpgsqlDbType.Text,
            }) { Value = a.Value });
        }
    }

    internal override void WriteComparison(SqlWriter w, AttributeDefinition attribute, CompareOp op, SqlValue value) =>
        w.Append($"({HasValue(attribute)} AND {AttributeExpression(attribute)}{Operator(op)}").Value(value).Append(")");

    internal override void WritePresence(SqlWriter w, AttributeDefinition attribute) =>
        w.Append(attribute.Repeated ? $"{Json(attribute.Key)} IS NOT NULL" : HasValue(attribute));

    internal override void WriteSubstring(SqlWriter w, AttributeDefinition attribute, string text) =>
        w.Append($"strpos({Text(attribute.Key)}, ").Value(new SqlValue(text, SqlArgumentType.Text)).Append(") > 0");

    /// <summary>Equality is containment, which the GIN index serves; other comparisons (schema checks) walk the items.</summary>
    internal override void WriteAnyElement(SqlWriter w, AttributeDefinition attribute, CompareOp op, AttributeValue value)
    {
        if (op != CompareOp.Equal)
        {
            base.WriteAnyElement(w, attribute, op, value);
            return;
        }

        var document = AttributeJson.SerializeSingle(attribute.Key, new ListValue([value]));
        w.Append($"{EavTable.Attributes} @> ").Value(new SqlValue(document, SqlArgumentType.Json));
    }

    private protected override string ItemsSource(AttributeDefinition attribute) => $"jsonb_array_elements({Items(attribute.Key)}) AS e(v)";

    private protected override string ItemExpression(AttributeDefinition attribute) =>
        IsJsonCompared(attribute.Type) ? "e.v" : $"({ItemText} COLLATE \"C\")";

    private protected override string ItemText => "(e.v #>> '{}')";

    private protected override string LengthFunction => "char_length";

    protected override IReadOnlyList<string> AttributeSortExpressions(AttributeDefinition attribute) => [Flag(attribute), AttributeExpression(attribute)];

    private protected override void WriteAttributeSeekBound(SqlWriter w, AttributeDefinition attribute, bool descending, SqlValue value) =>
        w.Append($"({Flag(attribute)}, {AttributeExpression(attribute)}){(descending ? " <= " : " >= ")}(FALSE, ").Value(value).Append(")");

    private string Flag(AttributeDefinition attribute) => $"({AttributeExpression(attribute)} IS NULL)";

    private static bool IsJsonCompared(AttributeType type) => type is AttributeType.Int64 or AttributeType.Decimal or AttributeType.Bool;

    private static string Json(string key) => $"({EavTable.Attributes}->'{Literal(key)}')";

    private static string Text(string key) => $"({EavTable.Attributes}->>'{Literal(key)}')";

    // A CASE fixes evaluation order: jsonb_array_elements on a non-array (another type's value) would raise.
    private static string Items(string key) =>
        $"CASE WHEN jsonb_typeof({Json(key)}) = 'array' THEN {Json(key)} END";
}
