using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Sqlite
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
                    id INTEGER NOT NULL CONSTRAINT pk_outbox_messages PRIMARY KEY AUTOINCREMENT, tenant_id TEXT NULL, topic TEXT NOT NULL,
                    payload TEXT NOT NULL, create_time TEXT NOT NULL, available_time TEXT NOT NULL, locked_until TEXT NULL,
                    attempts INTEGER NOT NULL, state INTEGER NOT NULL, last_error TEXT NULL);
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
