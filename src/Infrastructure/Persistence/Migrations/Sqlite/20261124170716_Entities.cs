using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Entities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The EAV tables are written with SQL the translator generates, not through the EF
            // model, so they are created here directly (see Infrastructure/Eav/EavTable.cs).
            migrationBuilder.Sql(
                """
                CREATE TABLE entities (
                    tenant_id TEXT NOT NULL, type_id TEXT NOT NULL, id TEXT NOT NULL, attrs TEXT NOT NULL,
                    create_time TEXT NOT NULL, update_time TEXT NOT NULL, delete_time TEXT NULL, version INTEGER NOT NULL,
                    CONSTRAINT pk_entities PRIMARY KEY (tenant_id, type_id, id));
                CREATE TABLE entity_revisions (
                    tenant_id TEXT NOT NULL, type_id TEXT NOT NULL, entity_id TEXT NOT NULL, version INTEGER NOT NULL,
                    operation INTEGER NOT NULL, changes TEXT NOT NULL, principal TEXT NOT NULL, time TEXT NOT NULL,
                    request_id TEXT NULL, snapshot TEXT NOT NULL, delete_time TEXT NULL,
                    CONSTRAINT pk_entity_revisions PRIMARY KEY (tenant_id, type_id, entity_id, version));
                CREATE INDEX ix_entity_revisions_tenant_id_time ON entity_revisions (tenant_id, time);
                CREATE TABLE eav_indexes (
                    name TEXT NOT NULL, tenant_id TEXT NOT NULL, type_id TEXT NOT NULL, attribute_keys TEXT NOT NULL,
                    is_unique INTEGER NOT NULL, create_sql TEXT NOT NULL, statistics_sql TEXT NULL, state INTEGER NOT NULL, error TEXT NULL,
                    update_time TEXT NOT NULL,
                    CONSTRAINT pk_eav_indexes PRIMARY KEY (name));
                CREATE INDEX ix_eav_indexes_tenant_id_type_id ON eav_indexes (tenant_id, type_id);
                CREATE INDEX ix_eav_indexes_state ON eav_indexes (state);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE eav_indexes; DROP TABLE entity_revisions; DROP TABLE entities;");
        }
    }
}
