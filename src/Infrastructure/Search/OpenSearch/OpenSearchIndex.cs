using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Application.Abstractions.Search;

namespace Platform.Infrastructure.Search.OpenSearch;

/// <summary>
/// <see cref="ISearchIndex"/> over the OpenSearch REST API (HttpClient + System.Text.Json). One shared
/// index (<see cref="OpenSearchOptions.IndexName"/>) shaped by an index template; documents routed by
/// tenant; searches go through the tenant's filtered alias and filter on tenant and type again.
/// <para>Replace/delete of documents (<c>_bulk</c>) with their typed filterable values; AND-matching of the
/// analyzed term groups (synonyms and typo candidates included) ranked by BM25 with entity-id tie-break,
/// paging and an exact total; the ListEntities filter as bool/term/range/exists/wildcard clauses
/// (<see cref="OpenSearchFilters"/>: what has no exact form is refused with <see cref="SearchNotSupportedException"/>);
/// facets as terms aggregations; geo_distance filtering with each hit's distance from a <c>_geo_distance</c> sort and
/// order by distance or by sortable attributes (<see cref="OpenSearchOrder"/>); range facets as range or filters aggregations
/// (<see cref="OpenSearchRangeFacets"/>); typo candidates and completions from keyword lookups (<see cref="OpenSearchLookups"/>).</para>
/// </summary>
public sealed class OpenSearchIndex : ISearchIndex
{
    private const string JsonType = "application/json";
    private const string NdjsonType = "application/x-ndjson";

    private readonly HttpClient http;
    private readonly OpenSearchOptions options;
    private readonly OpenSearchSetup setup;

    /// <summary>With a private <see cref="OpenSearchSetup"/> (tests, tools).</summary>
    public OpenSearchIndex(HttpClient http, OpenSearchOptions options)
        : this(http, options, new OpenSearchSetup())
    {
    }

    [Microsoft.Extensions.DependencyInjection.ActivatorUtilitiesConstructor]
    public OpenSearchIndex(HttpClient http, OpenSearchOptions options, OpenSearchSetup setup)
    {
        this.http = http;
        this.options = options;
        this.setup = setup;
    }

    /// <summary>Everything the database backend answers (see the class summary).</summary>
    public SearchCapabilities Capabilities { get; } = new(Filters: true, Facets: true, RangeFacets: true, Geo: true, AttributeSort: true,
        Fuzzy: true, Completions: true);

    public async Task ReplaceAsync(string tenantId, string typeId, IReadOnlyList<SearchDocument> documents, IReadOnlyList<string> removedIds,
        CancellationToken ct)
    {
        var lines = OpenSearchRequests.BulkLines(options, tenantId, typeId, documents, removedIds);
        if (lines.Count == 0)
        {
            return;
        }

        await EnsureTemplateAsync(ct);
        using var content = new StringContent(OpenSearchRequests.Ndjson(lines), Encoding.UTF8, NdjsonType);
        using var body = await SendAsync(HttpMethod.Post, "_bulk", content, ct);
        OpenSearchResponses.EnsureBulkSucceeded(body.RootElement);
    }

    public async Task<SearchMatches> SearchAsync(SearchQuery query, CancellationToken ct)
    {
        // Built first: a filter or facet this provider cannot express is refused before any call.
        var (request, distanceAt) = OpenSearchRequests.SearchWithSort(query);
        await EnsureAliasAsync(query.Type.TenantId, ct);
        var alias = options.AliasFor(query.Type.TenantId);
        var path = $"{Uri.EscapeDataString(alias)}/_search?routing={Uri.EscapeDataString(query.Type.TenantId)}";
        using var content = Json(request);
        using var body = await SendAsync(HttpMethod.Post, path, content, ct);
        var parsed = OpenSearchResponses.ParseSearch(body.RootElement);
        var prefix = OpenSearchRequests.DocumentId(query.Type.TenantId, query.Type.Id, "");
        var distances = distanceAt is { } at ? SortDistances(body.RootElement, at) : [];
        var hits = parsed.Hits
            .Select((h, i) => new ScoredId(h.EntityId ?? (h.Id.StartsWith(prefix, StringComparison.Ordinal) ? h.Id[prefix.Length..] : h.Id),
                query.Terms.Count == 0 ? 0d : h.Score, i < distances.Count ? distances[i] : null))
            .ToList();
        var facets = query.Facets.Count == 0 ? [] : OpenSearchFacets.Parse(body.RootElement, query.Facets, query.FacetBuckets);
        var ranges = OpenSearchRangeFacets.Parse(body.RootElement, query.RangeFacets ?? []);
        return new SearchMatches(hits, parsed.Total, facets, ranges);
    }

    /// <summary>Each hit's <c>_geo_distance</c> sort value (metres), in hit order, as <see cref="OpenSearchResponses.ParseSearch"/> lists them.</summary>
    private static List<double?> SortDistances(JsonElement body, int position)
    {
        var distances = new List<double?>();
        if (body.TryGetProperty("hits", out var hits) && hits.TryGetProperty("hits", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var hit in array.EnumerateArray())
            {
                distances.Add(OpenSearchGeoRange.ParseSortDistance(hit, position));
            }
        }

        return distances;
    }

    /// <summary>At most this many types are counted by a tenant-wide search (far above what a tenant defines).</summary>
    public const int MaxTypeBuckets = 1000;

    /// <summary>The completion key's values, counted by entity, from the documents' completion keywords (<see cref="OpenSearchLookups"/>).</summary>
    public async Task<IReadOnlyList<CompletionCandidate>> CompletionCandidatesAsync(string tenantId, string typeId, string key, int limit, CancellationToken ct)
    {
        using var body = await LookupAsync(tenantId, OpenSearchLookups.Completions(tenantId, typeId, key, limit), ct);
        return OpenSearchLookups.ParseCompletions(body.RootElement);
    }

    /// <summary>
    /// The indexed words sharing a deletion variant with the query word, from the documents' typo keywords
    /// (<see cref="OpenSearchLookups"/>); the application keeps those one edit away, as with the database backend.
    /// </summary>
    public async Task<IReadOnlyList<string>> SimilarTermsAsync(string tenantId, string? typeId, IReadOnlyList<string> variants, CancellationToken ct)
    {
        if (variants.Count == 0)
        {
            return [];
        }

        using var body = await LookupAsync(tenantId, OpenSearchLookups.SimilarTerms(tenantId, typeId, variants), ct);
        return OpenSearchLookups.ParseSimilarTerms(body.RootElement);
    }

    private async Task<JsonDocument> LookupAsync(string tenantId, JsonObject request, CancellationToken ct)
    {
        await EnsureAliasAsync(tenantId, ct);
        var path = $"{Uri.EscapeDataString(options.AliasFor(tenantId))}/_search?routing={Uri.EscapeDataString(tenantId)}";
        using var content = Json(request);
        return await SendAsync(HttpMethod.Post, path, content, ct);
    }

    public async Task<TenantSearchMatches> SearchTenantAsync(TenantSearchQuery query, CancellationToken ct)
    {
        await EnsureAliasAsync(query.TenantId, ct);
        var path = $"{Uri.EscapeDataString(options.AliasFor(query.TenantId))}/_search?routing={Uri.EscapeDataString(query.TenantId)}";
        using var content = Json(OpenSearchRequests.TenantSearch(query, query.FacetByType ? MaxTypeBuckets : 0));
        using var body = await SendAsync(HttpMethod.Post, path, content, ct);
        var parsed = OpenSearchResponses.ParseSearch(body.RootElement);
        var prefix = query.TenantId + "/";
        var hits = parsed.Hits.Select(h =>
        {
            // The _source carries both; the document id ({tenant}/{type}/{entity}) is the fallback.
            var rest = h.Id.StartsWith(prefix, StringComparison.Ordinal) ? h.Id[prefix.Length..] : h.Id;
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            return new TypedScoredId(h.TypeId ?? (slash < 0 ? "" : rest[..slash]), h.EntityId ?? rest[(slash + 1)..],
                query.Terms.Count == 0 ? 0d : h.Score);
        }).ToList();
        var types = query.FacetByType ? OpenSearchResponses.ParseTermsBuckets(body.RootElement, OpenSearchRequests.TypesAggregation) : [];
        return new TenantSearchMatches(hits, parsed.Total, types);
    }

    /// <summary>Puts the index template (before the first write creates the index from it).</summary>
    public async Task EnsureTemplateAsync(CancellationToken ct)
    {
        if (setup.TemplateReady)
        {
            return;
        }

        using var content = Json(OpenSearchRequests.IndexTemplate(options));
        using var _ = await SendAsync(HttpMethod.Put, $"_index_template/{Uri.EscapeDataString(options.TemplateName)}", content, ct);
        setup.TemplateReady = true;
    }

    /// <summary>Creates the tenant's filtered alias (and, through the template, the index when it does not exist yet).</summary>
    private async Task EnsureAliasAsync(string tenantId, CancellationToken ct)
    {
        if (setup.Aliases.ContainsKey(tenantId))
        {
            return;
        }

        await EnsureTemplateAsync(ct);
        using (var head = new HttpRequestMessage(HttpMethod.Head, Uri.EscapeDataString(options.IndexName)))
        {
            using var exists = await http.SendAsync(Authorized(head), ct);
            if (exists.StatusCode == HttpStatusCode.NotFound)
            {
                using var create = Json(new JsonObject());
                using var _ = await SendAsync(HttpMethod.Put, Uri.EscapeDataString(options.IndexName), create, ct, HttpStatusCode.BadRequest);
            }
        }

        using var content = Json(OpenSearchRequests.TenantAlias(options, tenantId));
        using var __ = await SendAsync(HttpMethod.Post, "_aliases", content, ct);
        setup.Aliases[tenantId] = true;
    }

    /// <summary>Sends and parses the JSON answer; a non-success status (other than <paramref name="tolerated"/>) throws.</summary>
    private async Task<JsonDocument> SendAsync(HttpMethod method, string path, HttpContent content, CancellationToken ct,
        HttpStatusCode? tolerated = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await http.SendAsync(Authorized(request), ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode && response.StatusCode != tolerated)
        {
            throw new OpenSearchException($"{method} {path.Split('?')[0]} failed: {OpenSearchResponses.DescribeError((int)response.StatusCode, text)}");
        }

        return string.IsNullOrWhiteSpace(text) ? JsonDocument.Parse("{}") : JsonDocument.Parse(text);
    }

    private HttpRequestMessage Authorized(HttpRequestMessage request)
    {
        if (!string.IsNullOrEmpty(options.Username) && options.Password is not null)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", token);
        }

        return request;
    }

    private static StringContent Json(JsonNode node) => new(node.ToJsonString(), Encoding.UTF8, JsonType);
}

/// <summary>
/// What has been set up on the cluster by this process (template, tenant aliases): a singleton, since
/// the typed client is created per use. All of it is idempotent, so a repeat after a restart is harmless.
/// </summary>
public sealed class OpenSearchSetup
{
    public ConcurrentDictionary<string, bool> Aliases { get; } = new(StringComparer.Ordinal);

    private volatile bool _templateReady;

    public bool TemplateReady
    {
        get => _templateReady;
        set => _templateReady = value;
    }
}
