using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Sqlite
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
                    tenant_id TEXT NOT NULL, type_id TEXT NOT NULL, entity_id TEXT NOT NULL, terms TEXT NOT NULL,
                    CONSTRAINT pk_search_documents PRIMARY KEY (tenant_id, type_id, entity_id));
                CREATE VIRTUAL TABLE search_fts USING fts5(terms, content='search_documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 0');
                CREATE TRIGGER search_documents_ai AFTER INSERT ON search_documents BEGIN
                    INSERT INTO search_fts(rowid, terms) VALUES (new.rowid, new.terms); END;
                CREATE TRIGGER search_documents_ad AFTER DELETE ON search_documents BEGIN
                    INSERT INTO search_fts(search_fts, rowid, terms) VALUES ('delete', old.rowid, old.terms); END;
                CREATE TRIGGER search_documents_au AFTER UPDATE ON search_documents BEGIN
                    INSERT INTO search_fts(search_fts, rowid, terms) VALUES ('delete', old.rowid, old.terms);
                    INSERT INTO search_fts(rowid, terms) VALUES (new.rowid, new.terms); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE search_fts; DROP TABLE search_documents;");
        }
    }
}
