using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Billing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Billing (catalog, subscriptions, invoices), written with SQL by Infrastructure/Billing. Amounts are canonical
            // decimal text and instants microseconds since the Unix epoch, exact on both databases. An invoice's boundary is
            // unique per subscription: the claim that issues each period's invoice once, whichever host runs.
            migrationBuilder.Sql(
                """
                CREATE TABLE billing_metrics (
                    metric_id TEXT NOT NULL, display_name TEXT NOT NULL, aggregation BIGINT NOT NULL, unique_property TEXT NULL,
                    built_in BIGINT NOT NULL, create_time BIGINT NOT NULL,
                    CONSTRAINT pk_billing_metrics PRIMARY KEY (metric_id));
                CREATE TABLE billing_plan_prices (
                    plan_id TEXT NOT NULL, version BIGINT NOT NULL, currency TEXT NOT NULL, interval_months BIGINT NOT NULL, base_fee TEXT NOT NULL,
                    trial_days BIGINT NOT NULL, metrics TEXT NOT NULL, create_time BIGINT NOT NULL,
                    CONSTRAINT pk_billing_plan_prices PRIMARY KEY (plan_id, version));
                CREATE TABLE billing_price_metrics (
                    metric_id TEXT NOT NULL, plan_id TEXT NOT NULL, version BIGINT NOT NULL,
                    CONSTRAINT pk_billing_price_metrics PRIMARY KEY (metric_id, plan_id, version));
                CREATE TABLE billing_subscriptions (
                    tenant_id TEXT NOT NULL, subscription_id TEXT NOT NULL, status BIGINT NOT NULL, plan_id TEXT NOT NULL, price_version BIGINT NOT NULL,
                    commitment_term BIGINT NULL, commitment_start BIGINT NULL, commitment_end BIGINT NULL, start_time BIGINT NOT NULL,
                    billing_start BIGINT NOT NULL, time_zone TEXT NOT NULL, anchor_day BIGINT NOT NULL, anchor_month BIGINT NOT NULL,
                    interval_months BIGINT NOT NULL, opened_boundary BIGINT NULL, next_boundary BIGINT NULL, end_time BIGINT NULL,
                    credit_balance TEXT NOT NULL, revision BIGINT NOT NULL, create_time BIGINT NOT NULL,
                    CONSTRAINT pk_billing_subscriptions PRIMARY KEY (tenant_id, subscription_id));
                CREATE INDEX ix_billing_subscriptions_next_boundary ON billing_subscriptions (next_boundary, tenant_id);
                CREATE INDEX ix_billing_subscriptions_tenant_created ON billing_subscriptions (tenant_id, create_time);
                CREATE TABLE billing_plan_changes (
                    tenant_id TEXT NOT NULL, subscription_id TEXT NOT NULL, sequence BIGINT NOT NULL, change_time BIGINT NOT NULL,
                    plan_id TEXT NOT NULL, price_version BIGINT NOT NULL, timing BIGINT NOT NULL,
                    CONSTRAINT pk_billing_plan_changes PRIMARY KEY (tenant_id, subscription_id, sequence));
                CREATE TABLE billing_invoices (
                    tenant_id TEXT NOT NULL, invoice_id TEXT NOT NULL, subscription_id TEXT NOT NULL, boundary BIGINT NOT NULL, state BIGINT NOT NULL,
                    closes_start BIGINT NULL, closes_end BIGINT NULL, opens_start BIGINT NULL, opens_end BIGINT NULL, plan_id TEXT NOT NULL,
                    price_version BIGINT NOT NULL, currency TEXT NOT NULL, total TEXT NOT NULL, credit_before TEXT NOT NULL, credit_after TEXT NOT NULL,
                    lines TEXT NOT NULL, etag TEXT NOT NULL, create_time BIGINT NOT NULL, finalize_time BIGINT NULL, paid_time BIGINT NULL,
                    payments TEXT NOT NULL,
                    CONSTRAINT pk_billing_invoices PRIMARY KEY (tenant_id, invoice_id),
                    CONSTRAINT ux_billing_invoices_period UNIQUE (tenant_id, subscription_id, boundary));
                CREATE INDEX ix_billing_invoices_tenant_boundary ON billing_invoices (tenant_id, boundary, invoice_id);
                CREATE TABLE billing_leases (
                    name TEXT NOT NULL, holder TEXT NOT NULL, expires_at BIGINT NOT NULL,
                    CONSTRAINT pk_billing_leases PRIMARY KEY (name));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE billing_leases; DROP TABLE billing_invoices; DROP TABLE billing_plan_changes; DROP TABLE billing_subscriptions; " +
                "DROP TABLE billing_price_metrics; DROP TABLE billing_plan_prices; DROP TABLE billing_metrics;");
        }
    }
}
