using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SynonymSets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Read and written with SQL (Infrastructure/Search/SynonymSetRepository), not through the EF model.
            migrationBuilder.Sql(
                """
                CREATE TABLE synonym_sets (
                    tenant_id text NOT NULL, id text NOT NULL, rules text NOT NULL, revision bigint NOT NULL,
                    create_time timestamptz NOT NULL, update_time timestamptz NOT NULL,
                    CONSTRAINT pk_synonym_sets PRIMARY KEY (tenant_id, id));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE synonym_sets;");
        }
    }
}
