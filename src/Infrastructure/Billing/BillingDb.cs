using System.Data.Common;
using System.Globalization;
using Platform.Infrastructure.Eav.Dialects;
using Platform.Infrastructure.Eav.Sql;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Billing;

/// <summary>
/// Raw SQL for the billing tables, the same text on both databases: amounts are canonical decimal
/// text (exact everywhere), instants are microseconds since the Unix epoch, flags are 0/1 integers.
/// </summary>
internal sealed class BillingDb(PlatformDbContext db, EavDialect dialect)
{
    public async Task<int> ExecuteAsync(SqlWriter w, CancellationToken ct)
    {
        await using var command = await EavCommands.CreateAsync(db, w.ToSql(), dialect, ct);
        return await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<List<T>> QueryAsync<T>(SqlWriter w, Func<DbDataReader, T> read, CancellationToken ct)
    {
        await using var command = await EavCommands.CreateAsync(db, w.ToSql(), dialect, ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public static SqlValue Text(string? value) => new(value is null ? DBNull.Value : value, SqlArgumentType.Text);

    public static SqlValue Int(long value) => new(value, SqlArgumentType.Int64);

    public static SqlValue Int(long? value) => value is { } v ? Int(v) : new SqlValue(DBNull.Value, SqlArgumentType.Int64);

    public static SqlValue Time(DateTimeOffset value) => Int(UsageTime.ToMicros(value));

    public static SqlValue Time(DateTimeOffset? value) => value is { } v ? Time(v) : Int((long?)null);

    public static SqlValue Time(DateTime value) => Time(new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc)));

    public static SqlValue Time(DateTime? value) => value is { } v ? Time(v) : Int((long?)null);

    public static SqlValue Decimal(decimal value) => Text(value.ToString(CultureInfo.InvariantCulture));

    public static decimal ReadDecimal(DbDataReader r, int i) => decimal.Parse(r.GetString(i), NumberStyles.Number, CultureInfo.InvariantCulture);

    public static DateTimeOffset ReadTime(DbDataReader r, int i) => UsageTime.FromMicros(r.GetInt64(i));

    public static DateTimeOffset? ReadNullableTime(DbDataReader r, int i) => r.IsDBNull(i) ? null : ReadTime(r, i);

    public static DateTime ReadUtc(DbDataReader r, int i) => ReadTime(r, i).UtcDateTime;

    public static string? ReadNullableText(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
