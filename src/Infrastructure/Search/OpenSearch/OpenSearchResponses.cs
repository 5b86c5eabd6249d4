using System.Globalization;
using System.Text.Json;

namespace Platform.Infrastructure.Search.OpenSearch;

/// <summary>One hit of a <c>_search</c> response: the document id, the entity id from <c>_source</c> when present, the score (0 when null).</summary>
public sealed record OpenSearchHit(string Id, string? TypeId, string? EntityId, double Score);

public sealed record OpenSearchHits(IReadOnlyList<OpenSearchHit> Hits, long Total, string TotalRelation);

/// <summary>An item-level <c>_bulk</c> failure or an error response: the outbox retries the batch.</summary>
public sealed class OpenSearchException(string message) : Exception(message);

/// <summary>Parsers of the response bodies the adapter reads.</summary>
public static class OpenSearchResponses
{
    public static OpenSearchHits ParseSearch(JsonElement body)
    {
        if (!body.TryGetProperty("hits", out var hits) || hits.ValueKind != JsonValueKind.Object)
        {
            throw new OpenSearchException("The _search response has no hits object.");
        }

        long total = 0;
        var relation = "eq";
        if (hits.TryGetProperty("total", out var t))
        {
            // track_total_hits gives {value, relation}; rest_total_hits_as_int gives a number.
            if (t.ValueKind == JsonValueKind.Number)
            {
                total = t.GetInt64();
            }
            else if (t.ValueKind == JsonValueKind.Object)
            {
                total = t.GetProperty("value").GetInt64();
                relation = t.TryGetProperty("relation", out var r) ? r.GetString() ?? "eq" : "eq";
            }
        }

        var list = new List<OpenSearchHit>();
        if (hits.TryGetProperty("hits", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var hit in array.EnumerateArray())
            {
                var id = hit.TryGetProperty("_id", out var i) ? i.GetString() ?? "" : "";
                var score = hit.TryGetProperty("_score", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetDouble() : 0d;
                string? type = null, entity = null;
                if (hit.TryGetProperty("_source", out var source) && source.ValueKind == JsonValueKind.Object)
                {
                    type = Text(source, OpenSearchRequests.TypeField) is { Length: > 0 } ty ? ty : null;
                    entity = Text(source, OpenSearchRequests.EntityField) is { Length: > 0 } en ? en : null;
                }

                list.Add(new OpenSearchHit(id, type, entity, score));
            }
        }

        return new OpenSearchHits(list, total, relation);
    }

    /// <summary>The buckets of a <c>terms</c> aggregation (<c>key</c> as text, <c>doc_count</c>); empty when absent.</summary>
    public static IReadOnlyList<(string Key, long Count)> ParseTermsBuckets(JsonElement body, string aggregation)
    {
        var buckets = new List<(string, long)>();
        if (body.TryGetProperty("aggregations", out var aggregations) && aggregations.ValueKind == JsonValueKind.Object
            && aggregations.TryGetProperty(aggregation, out var agg) && agg.TryGetProperty("buckets", out var array)
            && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var bucket in array.EnumerateArray())
            {
                var key = bucket.GetProperty("key");
                var text = key.ValueKind == JsonValueKind.String ? key.GetString() ?? "" : key.GetRawText();
                buckets.Add((text, bucket.GetProperty("doc_count").GetInt64()));
            }
        }

        return buckets;
    }

    /// <summary>
    /// Throws when <c>errors</c> is true, naming how many items failed and the first failure
    /// (a delete that found nothing is not a failure: 404 on a delete is what removing an unindexed entity gives).
    /// </summary>
    public static void EnsureBulkSucceeded(JsonElement body)
    {
        if (!body.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.True)
        {
            return;
        }

        var failed = 0;
        string? first = null;
        if (body.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray())
            {
                foreach (var action in item.EnumerateObject())
                {
                    if (!action.Value.TryGetProperty("error", out var error) || error.ValueKind == JsonValueKind.Null)
                    {
                        continue;
                    }

                    failed++;
                    first ??= Describe(action.Name, action.Value, error);
                }
            }
        }

        throw new OpenSearchException(first is null
            ? "The _bulk request reported errors but no failed item."
            : string.Create(CultureInfo.InvariantCulture, $"{failed} _bulk item(s) failed; first: {first}"));
    }

    /// <summary>A non-success status: the error type and reason when the body has them.</summary>
    public static string DescribeError(int status, string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.Object)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"HTTP {status}: {Text(error, "type")}: {Text(error, "reason")}");
                }

                return string.Create(CultureInfo.InvariantCulture, $"HTTP {status}: {error}");
            }
        }
        catch (JsonException)
        {
        }

        return string.Create(CultureInfo.InvariantCulture, $"HTTP {status}");
    }

    private static string Describe(string action, JsonElement result, JsonElement error)
    {
        var id = Text(result, "_id");
        var status = result.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : 0;
        var detail = error.ValueKind == JsonValueKind.Object ? $"{Text(error, "type")}: {Text(error, "reason")}" : error.ToString();
        return string.Create(CultureInfo.InvariantCulture, $"{action} {id} (status {status}) {detail}");
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";
}
