using System.Data.Common;
using System.Globalization;
using Platform.Domain.Billing;
using Platform.Domain.Billing.Wallets;

namespace Platform.Infrastructure.Billing;

/// <summary>
/// Column lists and value conversions of the wallet tables. Amounts are exact on both databases:
/// <c>numeric</c> on PostgreSQL, invariant decimal text on SQLite (never REAL, whose binary
/// fractions would lose cents).
/// </summary>
internal static class WalletRows
{
    public const string EntryColumns =
        "e.seq, e.entry_id, e.kind, e.amount, e.source_id, e.expire_time, e.priority, e.refunded_id, e.request_key, e.request_hash, e.part, e.description, e.actor, e.create_time";

    public static object Amount(decimal value, bool postgres) => postgres ? value : value.ToString(CultureInfo.InvariantCulture);

    public static void Add(DbCommand command, string name, object? value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        command.Parameters.Add(p);
    }

    /// <summary>Reads an entry from <see cref="EntryColumns"/> starting at <paramref name="at"/>.</summary>
    public static WalletEntry Entry(DbDataReader r, int at) => new(
        r.GetInt64(at),
        r.GetString(at + 1),
        (WalletEntryKind)r.GetInt32(at + 2),
        ReadAmount(r, at + 3),
        r.IsDBNull(at + 4) ? null : r.GetString(at + 4),
        r.IsDBNull(at + 5) ? null : Utc(r.GetDateTime(at + 5)),
        r.GetInt32(at + 6),
        r.IsDBNull(at + 7) ? null : r.GetString(at + 7),
        r.IsDBNull(at + 8) ? null : r.GetString(at + 8),
        r.IsDBNull(at + 9) ? null : r.GetString(at + 9),
        r.GetInt32(at + 10),
        r.GetString(at + 11),
        r.GetString(at + 12),
        Utc(r.GetDateTime(at + 13)));

    public static WalletAccount Account(DbDataReader r, string tenantId, int at) => new(
        tenantId,
        Currency.Of(r.GetString(at)).Value,
        (BillingMode)r.GetInt32(at + 1),
        r.GetInt64(at + 2),
        r.IsDBNull(at + 3) ? null : Utc(r.GetDateTime(at + 3)));

    private static decimal ReadAmount(DbDataReader r, int i) =>
        r.GetValue(i) is string text ? decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) : r.GetDecimal(i);

    private static DateTime Utc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
