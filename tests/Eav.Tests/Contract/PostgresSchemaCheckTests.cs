namespace Platform.Eav.Tests.Contract;

public sealed class PostgresSchemaCheckTests(PostgresFixture fixture) : EavSchemaCheckTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>;
