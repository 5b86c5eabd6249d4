using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SearchGeo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // GEO_POINT values for geo search (Infrastructure/Search/GeoSql), written with SQL. cube and earthdistance
            // ship with PostgreSQL (contrib) and are trusted extensions, so the database owner may create them;
            // the GiST index on ll_to_earth serves the earth_box prefilter. ANALYZE at once: measured with bench/search.sh,
            // a never-analyzed search_geo made PostgreSQL delete a chunk's points by scanning the tenant's prefix of the
            // key and filtering entity_id (seconds a chunk, indexing at ~400 documents/s) instead of probing the key
            // (3,300/s once analyzed); autovacuum had not reached the table after minutes of bulk indexing.
            migrationBuilder.Sql(
                """
                CREATE EXTENSION IF NOT EXISTS cube;
                CREATE EXTENSION IF NOT EXISTS earthdistance;
                CREATE TABLE search_geo (
                    tenant_id text NOT NULL, type_id text NOT NULL, entity_id text COLLATE "C" NOT NULL, attribute text NOT NULL,
                    lat double precision NOT NULL, lon double precision NOT NULL,
                    CONSTRAINT pk_search_geo PRIMARY KEY (tenant_id, type_id, entity_id, attribute));
                CREATE INDEX ix_search_geo_earth ON search_geo USING GIST (ll_to_earth(lat, lon));
                ANALYZE search_geo;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The extensions stay: other objects may have come to depend on them.
            migrationBuilder.Sql("DROP TABLE search_geo;");
        }
    }
}
