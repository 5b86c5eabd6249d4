using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchVocabulary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Typo candidates by deletion variant (Domain/Search/Analysis/DeletionVariants), written with SQL.
            migrationBuilder.Sql(
                """
                CREATE TABLE search_vocabulary (
                    tenant_id TEXT NOT NULL, type_id TEXT NOT NULL, variant TEXT NOT NULL, term TEXT NOT NULL,
                    CONSTRAINT pk_search_vocabulary PRIMARY KEY (tenant_id, type_id, variant, term));
                CREATE INDEX ix_search_vocabulary_tenant_variant ON search_vocabulary (tenant_id, variant);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE search_vocabulary;");
        }
    }
}
