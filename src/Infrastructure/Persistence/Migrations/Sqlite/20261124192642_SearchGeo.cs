using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Platform.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchGeo : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // GEO_POINT values for geo search (Infrastructure/Search/GeoSql), written with SQL. The R*Tree is the
            // bounding-box index; triggers keep it in step, so every DELETE FROM search_geo also clears it.
            migrationBuilder.Sql(
                """
                CREATE TABLE search_geo (
                    id INTEGER PRIMARY KEY, tenant_id TEXT NOT NULL, type_id TEXT NOT NULL, entity_id TEXT NOT NULL, attribute TEXT NOT NULL,
                    lat REAL NOT NULL, lon REAL NOT NULL);
                CREATE UNIQUE INDEX ux_search_geo_entity ON search_geo (tenant_id, type_id, entity_id, attribute);
                CREATE VIRTUAL TABLE search_geo_rtree USING rtree(id, min_lat, max_lat, min_lon, max_lon);
                CREATE TRIGGER search_geo_ai AFTER INSERT ON search_geo BEGIN
                    INSERT INTO search_geo_rtree (id, min_lat, max_lat, min_lon, max_lon) VALUES (new.id, new.lat, new.lat, new.lon, new.lon); END;
                CREATE TRIGGER search_geo_ad AFTER DELETE ON search_geo BEGIN
                    DELETE FROM search_geo_rtree WHERE id = old.id; END;
                CREATE TRIGGER search_geo_au AFTER UPDATE ON search_geo BEGIN
                    UPDATE search_geo_rtree SET min_lat = new.lat, max_lat = new.lat, min_lon = new.lon, max_lon = new.lon WHERE id = new.id; END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE search_geo_rtree; DROP TABLE search_geo;");
        }
    }
}
