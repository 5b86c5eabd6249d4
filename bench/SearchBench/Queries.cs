using Grpc.Core;
using Platform.Search.V1;

namespace Platform.Bench.SearchBench;

/// <summary>
/// The timed requests, each a family of variants picked by index so clients do not repeat one
/// cached answer: a two-term English query with a category filter and a brand facet, a Chinese
/// two-character query, a query with one typo, an autocomplete prefix, and a geo-radius query.
/// </summary>
internal static class Queries
{
    public static readonly string[] Names =
        ["two terms + filter + facet", "Chinese two characters", "fuzzy (one typo)", "autocomplete prefix", "geo radius 2 km, nearest first"];

    private static readonly string[] TwoCharChinese = [.. Corpus.Chinese.Where(w => w.Length == 2)];

    // Words of 5+ letters from the common end of the list, each with one letter dropped: one edit away.
    private static readonly string[] Typos = [.. Corpus.English.Take(60).Where(w => w.Length >= 6).Select(w => w.Remove(w.Length / 2, 1))];

    private static readonly string[] Prefixes = [.. Corpus.English.Take(60).Where(w => w.Length >= 5).Select(w => w[..4]).Distinct()];

    public static SearchEntitiesRequest TwoTerms(int v) => new()
    {
        Parent = Api.TypeName,
        Query = $"{Corpus.English[v % 40]} {Corpus.English[(v / 40 % 40) + 1]}",
        Filter = $"attributes.category = \"{Corpus.Categories[v % Corpus.Categories.Length]}\"",
        Facets = { "brand" },
    };

    public static SearchEntitiesRequest Chinese(int v) => new() { Parent = Api.TypeName, Query = TwoCharChinese[v % TwoCharChinese.Length] };

    public static SearchEntitiesRequest Fuzzy(int v) => new() { Parent = Api.TypeName, Query = Typos[v % Typos.Length] };

    public static SuggestCompletionsRequest Suggest(int v) => new() { Parent = Api.TypeName, Prefix = Prefixes[v % Prefixes.Length] };

    /// <summary>Listings within 2 km of a point on a grid over the generated area, nearest first.</summary>
    public static SearchEntitiesRequest Geo(int v) => new()
    {
        Parent = Api.TypeName,
        Geo = new GeoFilter
        {
            Attribute = "location",
            Center = new GeoPoint { Latitude = Corpus.CenterLat + ((v % 7) - 3) * 0.06, Longitude = Corpus.CenterLon + ((v / 7 % 7) - 3) * 0.07 },
            RadiusMeters = 2000,
        },
        OrderBy = "distance",
    };

    /// <summary>Calls the query family <paramref name="q"/> (an index into <see cref="Names"/>) and returns how many it matched.</summary>
    public static async Task<long> CallAsync(SearchService.SearchServiceClient client, int q, int v) => q switch
    {
        0 => (await client.SearchEntitiesAsync(TwoTerms(v))).TotalSize,
        1 => (await client.SearchEntitiesAsync(Chinese(v))).TotalSize,
        2 => (await client.SearchEntitiesAsync(Fuzzy(v))).TotalSize,
        3 => (await client.SuggestCompletionsAsync(Suggest(v))).Suggestions.Count,
        4 => (await client.SearchEntitiesAsync(Geo(v))).TotalSize,
        _ => throw new RpcException(new Status(StatusCode.InvalidArgument, $"no query family {q}")),
    };
}
