using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Platform.Application.Abstractions.Search;
using Platform.Application.Eav.Filtering.Bound;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;
using Platform.Domain.Search.Analysis;
using Platform.Infrastructure.Eav;
using Platform.Infrastructure.Eav.Dialects;
using Platform.Infrastructure.Eav.Filtering;
using Platform.Infrastructure.Eav.Sql;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Search;

/// <summary>
/// <see cref="ISearchIndex"/> on the platform database. Documents live in <c>search_documents</c>
/// (one row per entity, its analyzed terms); the provider's full-text index matches them
/// (<see cref="SearchSql"/>). The ListEntities filter and facet counts run against the entities
/// table through the EAV dialect, restricted to the matching ids, so search and list agree on
/// what a filter means.
/// </summary>
internal sealed class SearchIndex(PlatformDbContext db, EavDialect dialect) : ISearchIndex
{
    private SearchSql Sql => dialect is PostgresEavDialect ? SearchSql.Postgres : SearchSql.Sqlite;

    private bool TotalInPage => dialect is PostgresEavDialect;

    private GeoSql Geo => dialect is PostgresEavDialect ? GeoSql.Postgres : GeoSql.Sqlite;

    /// <summary>Both databases answer everything the port defines.</summary>
    public SearchCapabilities Capabilities => SearchCapabilities.All;

    /// <summary>One DELETE for all of them and one multi-row INSERT: an import chunk is two statements, not a thousand.</summary>
    public async Task ReplaceAsync(string tenantId, string typeId, IReadOnlyList<SearchDocument> documents, IReadOnlyList<string> removedIds,
        CancellationToken ct)
    {
        var ids = removedIds.Concat(documents.Select(d => d.EntityId)).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return;
        }

        foreach (var table in new[] { "search_documents", "search_completions", "search_geo" })
        {
            var delete = new SqlWriter().Append($"DELETE FROM {table} WHERE tenant_id = ").Value(Text(tenantId))
                .Append(" AND type_id = ").Value(Text(typeId)).Append(" AND entity_id IN (").Join(ids, ", ", (w, id) => w.Value(Text(id))).Append(")");
            await ExecuteAsync(delete.ToSql(), ct);
        }

        if (documents.Count == 0)
        {
            return;
        }

        var insert = new SqlWriter().Append("INSERT INTO search_documents (tenant_id, type_id, entity_id, terms) VALUES ")
            .Join(documents, ", ", (w, d) => w.Append("(").Value(Text(tenantId)).Append(", ").Value(Text(typeId)).Append(", ")
                .Value(Text(d.EntityId)).Append(", ").Value(Text(d.Terms)).Append(")"))
            // The outbox indexer and a reindex may replace the same entity at once: both delete, then both insert.
            // Both read the entity's current state, so the later write simply wins instead of failing the other.
            .Append(" ON CONFLICT (tenant_id, type_id, entity_id) DO UPDATE SET terms = excluded.terms");
        await ExecuteAsync(insert.ToSql(), ct);
        await RecordVocabularyAsync(tenantId, typeId, documents, ct);
        await RecordCompletionsAsync(tenantId, typeId, documents, ct);
        await RecordPointsAsync(tenantId, typeId, documents, ct);
    }

    /// <summary>One row per GEO_POINT value; on SQLite a trigger mirrors it into the R*Tree.</summary>
    private async Task RecordPointsAsync(string tenantId, string typeId, IReadOnlyList<SearchDocument> documents, CancellationToken ct)
    {
        var rows = documents.SelectMany(d => (d.Points ?? []).Select(p => (d.EntityId, Point: p))).ToList();
        foreach (var batch in rows.Chunk(CompletionBatch))
        {
            var w = new SqlWriter().Append("INSERT INTO search_geo (tenant_id, type_id, entity_id, attribute, lat, lon) VALUES ")
                .Join(batch, ", ", (x, r) => x.Append("(").Value(Text(tenantId)).Append(", ").Value(Text(typeId)).Append(", ").Value(Text(r.EntityId))
                    .Append(", ").Value(Text(r.Point.Attribute)).Append(", ").Append(Coordinate(r.Point.Latitude))
                    .Append(", ").Append(Coordinate(r.Point.Longitude)).Append(")"))
                .Append(" ON CONFLICT DO NOTHING");
            await ExecuteAsync(w.ToSql(), ct);
        }
    }

    /// <summary>A stored (validated, finite) coordinate as a typed literal; the parameter binding has no double type.</summary>
    private static string Coordinate(double degrees) => "CAST(" + degrees.ToString("R", CultureInfo.InvariantCulture) + " AS DOUBLE PRECISION)";

    public async Task<IReadOnlyList<CompletionCandidate>> CompletionCandidatesAsync(string tenantId, string typeId, string key, int limit, CancellationToken ct)
    {
        var w = new SqlWriter().Append("SELECT attribute, value, COUNT(DISTINCT entity_id) FROM search_completions WHERE tenant_id = ").Value(Text(tenantId))
            .Append(" AND type_id = ").Value(Text(typeId)).Append(" AND completion_key = ").Value(Text(key))
            .Append(" GROUP BY attribute, value ORDER BY COUNT(DISTINCT entity_id) DESC, value LIMIT ").Value(new SqlValue((long)limit, SqlArgumentType.Int64));
        var candidates = new List<CompletionCandidate>();
        await using var command = await CommandAsync(w.ToSql(), ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            candidates.Add(new CompletionCandidate(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));
        }

        return candidates;
    }

    /// <summary>Each completable value once per lookup key (<see cref="CompletionKeys"/>), replaced with its entity.</summary>
    private async Task RecordCompletionsAsync(string tenantId, string typeId, IReadOnlyList<SearchDocument> documents, CancellationToken ct)
    {
        var rows = documents.SelectMany(d => (d.Completions ?? []).Distinct()
                .SelectMany(c => CompletionKeys.Of(c.Value).Select(k => (d.EntityId, c.Attribute, Key: k, c.Value))))
            .ToList();
        foreach (var batch in rows.Chunk(CompletionBatch))
        {
            var w = new SqlWriter().Append("INSERT INTO search_completions (tenant_id, type_id, entity_id, attribute, completion_key, value) VALUES ")
                .Join(batch, ", ", (x, r) => x.Append("(").Value(Text(tenantId)).Append(", ").Value(Text(typeId)).Append(", ").Value(Text(r.EntityId))
                    .Append(", ").Value(Text(r.Attribute)).Append(", ").Value(Text(r.Key)).Append(", ").Value(Text(r.Value)).Append(")"))
                .Append(" ON CONFLICT DO NOTHING");
            await ExecuteAsync(w.ToSql(), ct);
        }
    }

    // Six parameters a row.
    private const int CompletionBatch = 300;

    public async Task<IReadOnlyList<string>> SimilarTermsAsync(string tenantId, string? typeId, IReadOnlyList<string> variants, CancellationToken ct)
    {
        var w = new SqlWriter().Append("SELECT DISTINCT term FROM search_vocabulary WHERE tenant_id = ").Value(Text(tenantId));
        if (typeId is not null)
        {
            w.Append(" AND type_id = ").Value(Text(typeId));
        }

        w.Append(" AND variant IN (").Join(variants, ", ", (x, v) => x.Value(Text(v))).Append(") LIMIT 200");
        var terms = new List<string>();
        await using var command = await CommandAsync(w.ToSql(), ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            terms.Add(reader.GetString(0));
        }

        return terms;
    }

    /// <summary>
    /// The deletion variants of every indexed word, for typo lookups. Only added, never removed: a
    /// word no document has any more just expands a query to nothing.
    /// </summary>
    private async Task RecordVocabularyAsync(string tenantId, string typeId, IReadOnlyList<SearchDocument> documents, CancellationToken ct)
    {
        var pairs = documents.SelectMany(d => d.Terms.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal).Where(DeletionVariants.IsIndexable)
            .SelectMany(t => DeletionVariants.Of(t).Select(v => (Variant: v, Term: t))).ToList();
        foreach (var batch in pairs.Chunk(VocabularyBatch))
        {
            var w = new SqlWriter().Append("INSERT INTO search_vocabulary (tenant_id, type_id, variant, term) VALUES ")
                .Join(batch, ", ", (x, p) => x.Append("(").Value(Text(tenantId)).Append(", ").Value(Text(typeId)).Append(", ")
                    .Value(Text(p.Variant)).Append(", ").Value(Text(p.Term)).Append(")"))
                .Append(" ON CONFLICT DO NOTHING");
            await ExecuteAsync(w.ToSql(), ct);
        }
    }

    // Four parameters a row: well under SQLite's limit on bound variables per statement.
    private const int VocabularyBatch = 500;

    private async Task ExecuteAsync(EavSql sql, CancellationToken ct)
    {
        await using var command = await CommandAsync(sql, ct);
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<SearchMatches> SearchAsync(SearchQuery query, CancellationToken ct)
    {
        var hits = new List<ScoredId>();
        long? total = null;
        await using (var command = await CommandAsync(Matches(query, "SELECT d.entity_id", page: true), ct))
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                hits.Add(new ScoredId(reader.GetString(0), Convert.ToDouble(reader.GetValue(1), CultureInfo.InvariantCulture),
                    query.Geo is null ? null : Convert.ToDouble(reader.GetValue(2), CultureInfo.InvariantCulture)));
                total = TotalInPage ? Convert.ToInt64(reader.GetValue(reader.FieldCount - 1), CultureInfo.InvariantCulture) : null;
            }
        }

        if (total is null && (!TotalInPage || query.Offset > 0))
        {
            // A page past the end has no row to carry the total.
            await using var command = await CommandAsync(Matches(query, "SELECT COUNT(*)", page: false), ct);
            total = Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }

        var facets = new List<FacetCounts>();
        foreach (var attribute in query.Facets)
        {
            facets.Add(new FacetCounts(attribute.Key, await FacetAsync(query, attribute, ct)));
        }

        var ranges = new List<RangeCounts>();
        foreach (var facet in query.RangeFacets ?? [])
        {
            ranges.Add(await RangeFacetAsync(query, facet, ct));
        }

        return new SearchMatches(hits, total ?? 0, facets, ranges);
    }

    /// <summary>
    /// One pass over the matches: each value falls into the first bucket whose upper boundary it is
    /// below, compared as the filter language compares (<see cref="EavDialect.WriteComparison"/>'s
    /// expressions and arguments), so a bucket counts what the equivalent filter would.
    /// </summary>
    private async Task<RangeCounts> RangeFacetAsync(SearchQuery query, RangeFacetQuery facet, CancellationToken ct)
    {
        var expression = dialect.AttributeExpression(facet.Attribute);
        var w = new SqlWriter().Append("SELECT CASE");
        for (var i = 0; i < facet.Boundaries.Count; i++)
        {
            w.Append($" WHEN {expression} < ").Value(dialect.Argument(facet.Attribute.Type, facet.Boundaries[i]))
             .Append(" THEN ").Append(i.ToString(CultureInfo.InvariantCulture));
        }

        w.Append(" ELSE ").Append(facet.Boundaries.Count.ToString(CultureInfo.InvariantCulture))
         .Append($" END AS bucket, COUNT(*) FROM {EavTable.Name} WHERE {EavTable.Id} IN (SELECT d.entity_id");
        AppendMatches(w, query, sortable: false);
        w.Append($") AND {EavTable.TenantId} = ").Value(Text(query.Type.TenantId)).Append($" AND {EavTable.TypeId} = ").Value(Text(query.Type.Id))
         .Append(" AND ").Append(dialect.HasValue(facet.Attribute)).Append(" GROUP BY 1");

        var counts = new long[facet.Boundaries.Count + 1];
        await using var command = await CommandAsync(w.ToSql(), ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            counts[Convert.ToInt32(reader.GetValue(0), CultureInfo.InvariantCulture)] = reader.GetInt64(1);
        }

        return new RangeCounts(facet, counts);
    }

    /// <summary>The matching documents of live entities the filter keeps; ordered and paged when <paramref name="page"/>.</summary>
    private EavSql Matches(SearchQuery query, string select, bool page)
    {
        var w = new SqlWriter().Append(select);
        if (page)
        {
            w.Append(", ");
            WithQuery(w, query.Terms, query.Terms.Count == 0 ? "0" : Sql.Score);
            w.Append(" AS score");
            if (query.Geo is not null)
            {
                w.Append(", gd.g_dist");
            }

            // PostgreSQL: the total rides along with the page, one evaluation of the match instead of two.
            // (SQLite refuses FTS5's bm25() next to a window function, so it counts separately.)
            if (TotalInPage)
            {
                w.Append(", COUNT(*) OVER ()");
            }
        }

        AppendMatches(w, query, sortable: page);
        if (page)
        {
            w.Append(" ORDER BY ");
            switch (query.Order)
            {
                case { ByDistance: true }:
                    w.Append("gd.g_dist, d.entity_id");
                    break;
                case { Keys: { Count: > 0 } keys }:
                    OrderSql.WriteOrderBy(w, dialect, keys);
                    break;
                default:
                    w.Append(query.Terms.Count == 0 ? "d.entity_id" : "score DESC, d.entity_id");
                    break;
            }

            w.Append(" LIMIT ").Value(new SqlValue((long)query.Limit, SqlArgumentType.Int64))
             .Append(" OFFSET ").Value(new SqlValue((long)query.Offset, SqlArgumentType.Int64));
        }

        return w.ToSql();
    }

    /// <summary>
    /// <c> FROM … WHERE</c> the query matches, in the tenant's type, among live entities the filter
    /// keeps, within the geo circle (its distance as <c>gd.g_dist</c>). With <paramref name="sortable"/>
    /// and an attribute order, the entity row joins in (unaliased, so the dialect's sort expressions
    /// name its columns: no other table here has <c>id</c>, <c>attrs</c> or the timestamps).
    /// </summary>
    private void AppendMatches(SqlWriter w, SearchQuery query, bool sortable = false)
    {
        if (query.Geo is { } geo && query.Terms.Count == 0)
        {
            // Nothing else narrows: the points in the circle drive, each looked up in the documents by key.
            w.Append(" FROM (");
            Geo.WriteWithin(w, query.Type.TenantId, query.Type.Id, geo);
            w.Append(") gd").Append(Geo.DrivingJoin).Append("search_documents d ON d.entity_id = gd.g_entity");
        }
        else if (query.Geo is { } near)
        {
            // The full-text match drives (the planner's choice on both databases); each match probes the circle.
            w.Append(Sql.From).Append(" JOIN (");
            Geo.WriteWithin(w, query.Type.TenantId, query.Type.Id, near);
            w.Append(") gd ON gd.g_entity = d.entity_id");
        }
        else
        {
            w.Append(query.Terms.Count == 0 ? " FROM search_documents d" : Sql.From);
        }

        if (sortable && query.Order is { Keys.Count: > 0 })
        {
            w.Append($" JOIN {EavTable.Name} ON {EavTable.Name}.{EavTable.TenantId} = d.tenant_id AND {EavTable.Name}.{EavTable.TypeId} = d.type_id")
             .Append($" AND {EavTable.Name}.{EavTable.Id} = d.entity_id");
        }

        w.Append(" WHERE ");
        if (query.Terms.Count > 0)
        {
            WithQuery(w, query.Terms, Sql.Match);
            w.Append(" AND ");
        }

        w.Append("d.tenant_id = ").Value(Text(query.Type.TenantId)).Append(" AND d.type_id = ").Value(Text(query.Type.Id));
        if (query.Filter is null)
        {
            // Deleting an entity removes its document (SearchIndexer), so without a filter the documents alone
            // decide: no semi-join over every live entity of the type, which cost most of a broad query's time.
            // Within the indexing lag a just-deleted entity may still be counted; its hit is dropped when the
            // entities are read back.
            return;
        }

        w.Append($" AND d.entity_id IN (SELECT {EavTable.Id} FROM {EavTable.Name} WHERE ");
        LiveAndFiltered(w, query.Type, query.Filter);
        w.Append(")");
    }

    /// <summary>Writes <paramref name="template"/> with its <c>{q}</c> replaced by the query parameter (one parameter however often it appears).</summary>
    private void WithQuery(SqlWriter w, IReadOnlyList<IReadOnlyList<string>> terms, string template)
    {
        var at = template.IndexOf("{q}", StringComparison.Ordinal);
        if (at < 0)
        {
            w.Append(template);
            return;
        }

        w.Append(template[..at]).Value(new SqlValue(Sql.QueryText(terms), SqlArgumentType.Text)).Append(template[(at + 3)..]);
    }

    private async Task<IReadOnlyList<(AttributeValue?, long)>> FacetAsync(SearchQuery query, AttributeDefinition attribute, CancellationToken ct)
    {
        var expression = dialect.AttributeExpression(attribute);
        var w = new SqlWriter().Append($"SELECT {expression}, COUNT(*) FROM {EavTable.Name} WHERE {EavTable.Id} IN (SELECT d.entity_id");
        AppendMatches(w, query);
        w.Append($") AND {EavTable.TenantId} = ").Value(Text(query.Type.TenantId)).Append($" AND {EavTable.TypeId} = ").Value(Text(query.Type.Id))
         .Append($" GROUP BY {expression} ORDER BY COUNT(*) DESC, {expression} LIMIT ")
         .Value(new SqlValue((long)query.FacetBuckets, SqlArgumentType.Int64));

        var buckets = new List<(AttributeValue?, long)>();
        await using var command = await CommandAsync(w.ToSql(), ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            buckets.Add((reader.IsDBNull(0) ? null : FacetValue(attribute, reader.GetValue(0)), reader.GetInt64(1)));
        }

        return buckets;
    }

    private void LiveAndFiltered(SqlWriter w, EntityType type, BoundFilter? filter)
    {
        w.Append($"{EavTable.TenantId} = ").Value(Text(type.TenantId)).Append($" AND {EavTable.TypeId} = ").Value(Text(type.Id))
         .Append($" AND {EavTable.DeleteTime} IS NULL");
        if (filter is not null)
        {
            w.Append(" AND ");
            FilterSql.Write(w, dialect, filter);
        }
    }

    /// <summary>A facet value as the provider returns it (text, or a JSON/integer boolean) back into the attribute's type.</summary>
    private static AttributeValue FacetValue(AttributeDefinition attribute, object raw) => attribute.Type switch
    {
        AttributeType.Bool => new BoolValue(raw is long l ? l != 0 : string.Equals(Convert.ToString(raw, CultureInfo.InvariantCulture), "true", StringComparison.Ordinal)),
        _ => new TextValue(Convert.ToString(raw, CultureInfo.InvariantCulture)!),
    };

    public async Task<TenantSearchMatches> SearchTenantAsync(TenantSearchQuery query, CancellationToken ct)
    {
        var hits = new List<TypedScoredId>();
        var page = new SqlWriter().Append("SELECT d.type_id, d.entity_id, ");
        WithQuery(page, query.Terms, Sql.Score);
        page.Append(" AS score");
        AppendTenantMatches(page, query);
        page.Append(" ORDER BY score DESC, d.type_id, d.entity_id LIMIT ").Value(new SqlValue((long)query.Limit, SqlArgumentType.Int64))
            .Append(" OFFSET ").Value(new SqlValue((long)query.Offset, SqlArgumentType.Int64));
        await using (var command = await CommandAsync(page.ToSql(), ct))
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                hits.Add(new TypedScoredId(reader.GetString(0), reader.GetString(1), Convert.ToDouble(reader.GetValue(2), CultureInfo.InvariantCulture)));
            }
        }

        var types = new List<(string, long)>();
        var facet = new SqlWriter().Append("SELECT d.type_id, COUNT(*)");
        AppendTenantMatches(facet, query);
        facet.Append(" GROUP BY d.type_id ORDER BY COUNT(*) DESC, d.type_id");
        await using (var command = await CommandAsync(facet.ToSql(), ct))
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                types.Add((reader.GetString(0), reader.GetInt64(1)));
            }
        }

        return new TenantSearchMatches(hits, types.Sum(t => t.Item2), query.FacetByType ? types : []);
    }

    /// <summary><c> FROM … WHERE</c> the terms match a live entity of any of the tenant's types.</summary>
    private void AppendTenantMatches(SqlWriter w, TenantSearchQuery query)
    {
        w.Append(Sql.From).Append(" WHERE ");
        WithQuery(w, query.Terms, Sql.Match);
        w.Append(" AND d.tenant_id = ").Value(Text(query.TenantId))
         .Append($" AND EXISTS (SELECT 1 FROM {EavTable.Name} e WHERE e.{EavTable.TenantId} = d.tenant_id AND e.{EavTable.TypeId} = d.type_id")
         .Append($" AND e.{EavTable.Id} = d.entity_id AND e.{EavTable.DeleteTime} IS NULL)");
    }

    private Task<DbCommand> CommandAsync(EavSql sql, CancellationToken ct) => EavCommands.CreateAsync(db, sql, dialect, ct);

    private static SqlValue Text(string value) => new(value, SqlArgumentType.Text);
}
