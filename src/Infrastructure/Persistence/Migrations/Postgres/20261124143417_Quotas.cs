using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Quotas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "billing_anchor_day",
                table: "tenants",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<string>(
                name: "plan_id",
                table: "tenants",
                type: "character varying(63)",
                maxLength: 63,
                nullable: false,
                defaultValue: "free");

            migrationBuilder.CreateTable(
                name: "plans",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    display_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    limits = table.Column<string>(type: "jsonb", nullable: false),
                    create_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    update_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_plans", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "quota_counters",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    metric = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    used = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quota_counters", x => new { x.tenant_id, x.metric });
                });

            migrationBuilder.CreateTable(
                name: "quota_overrides",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    limit_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    limit_value = table.Column<string>(type: "jsonb", nullable: false),
                    update_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quota_overrides", x => new { x.tenant_id, x.limit_id });
                });

            // Existing keys and members occupy their slots from the start (expired keys too,
            // until revoked), so the new limits count what is already there.
            migrationBuilder.Sql(@"INSERT INTO quota_counters (tenant_id, metric, used)
                SELECT tenant_id, 'api_keys', COUNT(*) FROM api_keys WHERE tenant_id IS NOT NULL AND revoke_time IS NULL GROUP BY tenant_id");
            migrationBuilder.Sql(@"INSERT INTO quota_counters (tenant_id, metric, used)
                SELECT tenant_id, 'members', COUNT(*) FROM members GROUP BY tenant_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "plans");

            migrationBuilder.DropTable(
                name: "quota_counters");

            migrationBuilder.DropTable(
                name: "quota_overrides");

            migrationBuilder.DropColumn(
                name: "billing_anchor_day",
                table: "tenants");

            migrationBuilder.DropColumn(
                name: "plan_id",
                table: "tenants");
        }
    }
}
