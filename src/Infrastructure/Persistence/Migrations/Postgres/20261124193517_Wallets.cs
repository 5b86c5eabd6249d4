using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Wallets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Written with SQL (Infrastructure/Billing/WalletStore). Amounts are exact numeric.
            migrationBuilder.Sql(
                """
                CREATE TABLE wallets (
                    tenant_id text NOT NULL, currency text NOT NULL, billing_mode integer NOT NULL, version bigint NOT NULL,
                    create_time timestamptz NOT NULL, update_time timestamptz NULL,
                    CONSTRAINT pk_wallets PRIMARY KEY (tenant_id));
                CREATE TABLE wallet_entries (
                    seq bigint GENERATED ALWAYS AS IDENTITY, tenant_id text NOT NULL, entry_id text NOT NULL, kind integer NOT NULL,
                    amount numeric NOT NULL, currency text NOT NULL, source_id text NULL, expire_time timestamptz NULL, priority integer NOT NULL,
                    refunded_id text NULL, request_key text NULL, request_hash text NULL, part integer NOT NULL, description text NOT NULL,
                    actor text NOT NULL, create_time timestamptz NOT NULL,
                    CONSTRAINT pk_wallet_entries PRIMARY KEY (seq));
                CREATE UNIQUE INDEX ux_wallet_entries_entry ON wallet_entries (tenant_id, entry_id);
                CREATE UNIQUE INDEX ux_wallet_entries_request ON wallet_entries (tenant_id, request_key, part);
                CREATE INDEX ix_wallet_entries_tenant ON wallet_entries (tenant_id, seq);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE wallet_entries; DROP TABLE wallets;");
        }
    }
}
