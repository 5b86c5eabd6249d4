using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Wallets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Written with SQL (Infrastructure/Billing/WalletStore). Amounts are TEXT holding exact
            // decimals: a NUMERIC or REAL column would turn them into binary floating point.
            migrationBuilder.Sql(
                """
                CREATE TABLE wallets (
                    tenant_id TEXT NOT NULL CONSTRAINT pk_wallets PRIMARY KEY, currency TEXT NOT NULL, billing_mode INTEGER NOT NULL,
                    version INTEGER NOT NULL, create_time TEXT NOT NULL, update_time TEXT NULL);
                CREATE TABLE wallet_entries (
                    seq INTEGER NOT NULL CONSTRAINT pk_wallet_entries PRIMARY KEY AUTOINCREMENT, tenant_id TEXT NOT NULL, entry_id TEXT NOT NULL,
                    kind INTEGER NOT NULL, amount TEXT NOT NULL, currency TEXT NOT NULL, source_id TEXT NULL, expire_time TEXT NULL,
                    priority INTEGER NOT NULL, refunded_id TEXT NULL, request_key TEXT NULL, request_hash TEXT NULL, part INTEGER NOT NULL,
                    description TEXT NOT NULL, actor TEXT NOT NULL, create_time TEXT NOT NULL);
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
