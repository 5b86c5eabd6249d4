namespace Platform.Infrastructure.Search;

/// <summary>
/// The provider-specific pieces of a search query. Terms arrive analyzed (lower-cased, folded,
/// stemmed, CJK bigrams), so PostgreSQL's 'simple' configuration and SQLite's unicode61 tokenizer
/// only split them on spaces; the query text always travels as a parameter and, for FTS5, each
/// term is quoted so no query syntax can be injected. <c>{q}</c> marks where the parameter goes.
/// </summary>
internal sealed record SearchSql(string From, string Match, string Score, Func<IReadOnlyList<IReadOnlyList<string>>, string> QueryText)
{
    /// <summary>Each group is one query term with its synonyms: any of a group (OR), every group (AND).</summary>
    public static readonly SearchSql Postgres = new(
        " FROM search_documents d",
        "d.tsv @@ to_tsquery('simple', {q})",
        "ts_rank_cd(d.tsv, to_tsquery('simple', {q}))",
        groups => string.Join(" & ", groups.Select(g => "(" + string.Join(" | ", g.Select(t => "'" + t.Replace("'", "''", StringComparison.Ordinal) + "'")) + ")")));

    public static readonly SearchSql Sqlite = new(
        " FROM search_fts JOIN search_documents d ON d.rowid = search_fts.rowid",
        "search_fts MATCH {q}",
        "-bm25(search_fts)",
        groups => string.Join(" AND ", groups.Select(g => "(" + string.Join(" OR ", g.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")) + ")")));
}
