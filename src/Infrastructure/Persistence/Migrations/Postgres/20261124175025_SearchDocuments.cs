using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Search documents are written and matched with SQL (Infrastructure/Search), not through the EF model.
            migrationBuilder.Sql(
                """
                CREATE TABLE search_documents (
                    tenant_id text NOT NULL, type_id text NOT NULL, entity_id text COLLATE "C" NOT NULL, terms text NOT NULL,
                    tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', terms)) STORED,
                    CONSTRAINT pk_search_documents PRIMARY KEY (tenant_id, type_id, entity_id));
                CREATE INDEX ix_search_documents_tsv ON search_documents USING GIN (tsv);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE search_documents;");
        }
    }
}
