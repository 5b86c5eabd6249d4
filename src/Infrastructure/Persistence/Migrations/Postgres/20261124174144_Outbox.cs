using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Outbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Written and claimed with SQL (Infrastructure/Outbox), not through the EF model.
            migrationBuilder.Sql(
                """
                CREATE TABLE outbox_messages (
                    id bigint GENERATED ALWAYS AS IDENTITY, tenant_id text NULL, topic text NOT NULL, payload text NOT NULL,
                    create_time timestamptz NOT NULL, available_time timestamptz NOT NULL, locked_until timestamptz NULL,
                    attempts integer NOT NULL, state integer NOT NULL, last_error text NULL,
                    CONSTRAINT pk_outbox_messages PRIMARY KEY (id));
                CREATE INDEX ix_outbox_messages_due ON outbox_messages (state, available_time, id);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE outbox_messages;");
        }
    }
}
