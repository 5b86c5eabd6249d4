using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UsageStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The usage store (Application/Abstractions/Billing/IUsageTotals), written with SQL. Quantities are
            // canonical decimal text and times are microseconds since the Unix epoch, so both databases keep
            // them exactly; the primary key is the exactly-once claim of an event.
            migrationBuilder.Sql(
                """
                CREATE TABLE usage_events (
                    tenant_id TEXT NOT NULL, idempotency_key TEXT NOT NULL, metric TEXT NOT NULL, quantity TEXT NOT NULL,
                    event_time INTEGER NOT NULL, properties TEXT NULL, payload_hash TEXT NOT NULL, record_time INTEGER NOT NULL,
                    CONSTRAINT pk_usage_events PRIMARY KEY (tenant_id, idempotency_key));
                CREATE INDEX ix_usage_events_metric_time ON usage_events (tenant_id, metric, event_time);
                CREATE TABLE storage_samples (
                    tenant_id TEXT NOT NULL, sample_time INTEGER NOT NULL, bytes INTEGER NOT NULL,
                    CONSTRAINT pk_storage_samples PRIMARY KEY (tenant_id, sample_time));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE storage_samples; DROP TABLE usage_events;");
        }
    }
}
