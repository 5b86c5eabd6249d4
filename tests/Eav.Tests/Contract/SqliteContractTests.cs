namespace Platform.Eav.Tests.Contract;

public sealed class SqliteContractTests(SqliteFixture fixture) : EavContractTests<SqliteFixture>(fixture), IClassFixture<SqliteFixture>;
