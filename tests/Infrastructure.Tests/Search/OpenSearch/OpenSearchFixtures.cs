using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Platform.Application.Abstractions.Search;
using Platform.Domain.Eav;

namespace Platform.Infrastructure.Tests.Search.OpenSearch;

internal static class OpenSearchFixtures
{
    public const string Tenant = "acme";

    public static readonly EntityType Book = EntityType.Create(Tenant, "book",
        new EntityTypeSpec("Book", "", [new AttributeDefinition { Key = "title", Type = AttributeType.String }], []),
        new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)).Value;

    /// <summary>A query of single-term groups (no synonyms).</summary>
    public static SearchQuery Query(params string[] terms) => new(Book, Groups(terms), null, 20, 10, [], 0);

    public static IReadOnlyList<IReadOnlyList<string>> Groups(params string[] terms) => terms.Select(t => (IReadOnlyList<string>)[t]).ToList();

    /// <summary>Asserts <paramref name="body"/> is valid for the spec's search operation, listing the violations when not.</summary>
    public static void AssertValidSearch(JsonNode body) =>
        AssertValid(body, SpecSchema.Instance.RequestBody("_core.yaml", "search", "application/json"));

    public static void AssertValid(JsonNode body, (JsonNode, string) schema)
    {
        var errors = SpecSchema.Instance.Validate(body, schema);
        Assert.True(errors.Count == 0, string.Join("\n", errors) + "\nbody: " + body.ToJsonString());
    }

    /// <summary>Asserts <paramref name="response"/> is a valid search@200 response body.</summary>
    public static void AssertValidSearchResponse(JsonNode response) =>
        AssertValid(response, SpecSchema.Instance.Response("_core.yaml", "search@200"));

    /// <summary>NDJSON text back into its lines, to validate them as the spec's array body.</summary>
    public static JsonArray Lines(string ndjson) =>
        new(ndjson.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)).ToArray());
}

/// <summary>Records every request (with its body) and answers from a queue, or <c>{}</c> with 200.</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    public List<(HttpMethod Method, string Path, string? ContentType, string? Body, string? Authorization)> Requests { get; } = [];

    public Queue<(HttpStatusCode Status, string Body)> Answers { get; } = new();

    /// <summary>Answers for requests whose path (without query) ends like this, used before the queue.</summary>
    public Dictionary<string, string> ByPathSuffix { get; } = new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        Requests.Add((request.Method, request.RequestUri.PathAndQuery, request.Content?.Headers.ContentType?.MediaType, body,
            request.Headers.Authorization?.ToString()));
        var suffix = ByPathSuffix.Keys.FirstOrDefault(k => path.EndsWith(k, StringComparison.Ordinal));
        var (status, text) = suffix is not null ? (HttpStatusCode.OK, ByPathSuffix[suffix])
            : Answers.Count > 0 ? Answers.Dequeue() : (HttpStatusCode.OK, "{\"acknowledged\":true}");
        return new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, "application/json") };
    }
}
