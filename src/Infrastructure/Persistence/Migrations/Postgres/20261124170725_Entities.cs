using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Postgres
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
                    tenant_id text NOT NULL, type_id text NOT NULL, id text COLLATE "C" NOT NULL, attrs jsonb NOT NULL,
                    create_time timestamptz NOT NULL, update_time timestamptz NOT NULL, delete_time timestamptz NULL, version bigint NOT NULL,
                    CONSTRAINT pk_entities PRIMARY KEY (tenant_id, type_id, id));
                CREATE INDEX IF NOT EXISTS ix_entities_attrs_containment ON entities USING GIN (attrs jsonb_path_ops);
                CREATE TABLE entity_revisions (
                    tenant_id text NOT NULL, type_id text NOT NULL, entity_id text COLLATE "C" NOT NULL, version bigint NOT NULL,
                    operation integer NOT NULL, changes jsonb NOT NULL, principal text NOT NULL, time timestamptz NOT NULL,
                    request_id text NULL, snapshot jsonb NOT NULL, delete_time timestamptz NULL,
                    CONSTRAINT pk_entity_revisions PRIMARY KEY (tenant_id, type_id, entity_id, version));
                CREATE INDEX ix_entity_revisions_tenant_id_time ON entity_revisions (tenant_id, time);
                CREATE TABLE eav_indexes (
                    name text NOT NULL, tenant_id text NOT NULL, type_id text NOT NULL, attribute_keys text NOT NULL,
                    is_unique boolean NOT NULL, create_sql text NOT NULL, statistics_sql text NULL, state integer NOT NULL, error text NULL,
                    update_time timestamptz NOT NULL,
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
