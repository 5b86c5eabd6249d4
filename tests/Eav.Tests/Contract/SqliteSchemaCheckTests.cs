namespace Platform.Eav.Tests.Contract;

public sealed class SqliteSchemaCheckTests(SqliteFixture fixture) : EavSchemaCheckTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;
