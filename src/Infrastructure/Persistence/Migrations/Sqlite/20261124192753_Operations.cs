using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Operations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Long-running operations, written and claimed with SQL (Infrastructure/Operations), not through the EF model.
            // The partial unique indexes are the rules: one request_id per tenant, one active operation per kind and target.
            migrationBuilder.Sql(
                """
                CREATE TABLE operations (
                    tenant_id TEXT NOT NULL, id TEXT NOT NULL CONSTRAINT pk_operations PRIMARY KEY, kind TEXT NOT NULL, target TEXT NOT NULL,
                    request_id TEXT NULL, state INTEGER NOT NULL, cancel_requested INTEGER NOT NULL, processed INTEGER NOT NULL,
                    total INTEGER NOT NULL, documents INTEGER NOT NULL, cursor TEXT NULL, create_time TEXT NOT NULL, update_time TEXT NOT NULL,
                    start_time TEXT NULL, end_time TEXT NULL, error_code INTEGER NULL, error_message TEXT NULL,
                    locked_until TEXT NULL, lease_owner TEXT NULL);
                CREATE INDEX ix_operations_tenant ON operations (tenant_id, create_time, id);
                CREATE INDEX ix_operations_runnable ON operations (state, create_time) WHERE state IN (1, 2);
                CREATE UNIQUE INDEX ux_operations_request ON operations (tenant_id, request_id) WHERE request_id IS NOT NULL;
                CREATE UNIQUE INDEX ux_operations_active ON operations (tenant_id, kind, target) WHERE state IN (1, 2);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE operations;");
        }
    }
}
