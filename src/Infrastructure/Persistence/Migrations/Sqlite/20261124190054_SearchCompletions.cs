using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchCompletions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Autocomplete candidates by short key (Domain/Search/Analysis/CompletionKeys), written with SQL.
            migrationBuilder.Sql(
                """
                CREATE TABLE search_completions (
                    tenant_id TEXT NOT NULL, type_id TEXT NOT NULL, entity_id TEXT NOT NULL, attribute TEXT NOT NULL,
                    completion_key TEXT NOT NULL, value TEXT NOT NULL,
                    CONSTRAINT pk_search_completions PRIMARY KEY (tenant_id, type_id, entity_id, attribute, completion_key, value));
                CREATE INDEX ix_search_completions_key ON search_completions (tenant_id, type_id, completion_key);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE search_completions;");
        }
    }
}
