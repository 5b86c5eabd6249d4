namespace Platform.Eav.Tests.Contract;

public sealed class PostgresContractTests(PostgresFixture fixture) : EavContractTests<PostgresFixture>(fixture), IClassFixture<PostgresFixture>;
