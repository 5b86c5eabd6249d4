using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Postgres
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
                    tenant_id text NOT NULL, id text NOT NULL, kind text NOT NULL, target text NOT NULL, request_id text NULL,
                    state integer NOT NULL, cancel_requested integer NOT NULL, processed bigint NOT NULL, total bigint NOT NULL,
                    documents bigint NOT NULL, cursor text NULL, create_time timestamptz NOT NULL, update_time timestamptz NOT NULL,
                    start_time timestamptz NULL, end_time timestamptz NULL, error_code integer NULL, error_message text NULL,
                    locked_until timestamptz NULL, lease_owner text NULL,
                    CONSTRAINT pk_operations PRIMARY KEY (id));
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
