namespace Platform.Eav.Tests.Contract;

public sealed class SqliteIndexTests(SqliteFixture fixture) : EavIndexTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>
{
    // Statistics let SQLite see that the partial indexes are narrower than the primary key.
    protected override string PreferIndexesSql => "ANALYZE";

    protected override string RestoreSql => "SELECT 1";

    protected override string SortStep => "TEMP B-TREE";
}
