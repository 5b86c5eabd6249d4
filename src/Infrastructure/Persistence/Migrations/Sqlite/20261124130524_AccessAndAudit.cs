using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccessAndAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "verified_domains",
                table: "tenants",
                type: "TEXT",
                maxLength: 6000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: true),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    roles = table.Column<string>(type: "TEXT", nullable: false),
                    expire_time = table.Column<DateTime>(type: "TEXT", nullable: true),
                    key_prefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    secret_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    create_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_used_time = table.Column<DateTime>(type: "TEXT", nullable: true),
                    revoke_time = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "audit_events",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: true),
                    event_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    principal = table.Column<string>(type: "TEXT", maxLength: 600, nullable: false),
                    method = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    resource = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    request_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    client_address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_audit_events", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "members",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    subject = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    issuer = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    roles = table.Column<string>(type: "TEXT", nullable: false),
                    create_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_members", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateTable(
                name: "roles",
                columns: table => new
                {
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    id = table.Column<string>(type: "TEXT", maxLength: 63, nullable: false),
                    display_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    permissions = table.Column<string>(type: "TEXT", nullable: false),
                    create_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    update_time = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roles", x => new { x.tenant_id, x.id });
                });

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_tenant_create_time",
                table: "api_keys",
                columns: new[] { "tenant_id", "create_time", "id" });

            migrationBuilder.CreateIndex(
                name: "ux_api_keys_key_prefix",
                table: "api_keys",
                column: "key_prefix",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_tenant_time",
                table: "audit_events",
                columns: new[] { "tenant_id", "event_time", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_audit_events_time",
                table: "audit_events",
                columns: new[] { "event_time", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_members_tenant_create_time",
                table: "members",
                columns: new[] { "tenant_id", "create_time", "id" });

            migrationBuilder.CreateIndex(
                name: "ux_members_tenant_issuer_subject",
                table: "members",
                columns: new[] { "tenant_id", "issuer", "subject" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "audit_events");

            migrationBuilder.DropTable(
                name: "members");

            migrationBuilder.DropTable(
                name: "roles");

            migrationBuilder.DropColumn(
                name: "verified_domains",
                table: "tenants");
        }
    }
}
