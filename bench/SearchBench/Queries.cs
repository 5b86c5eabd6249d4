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
    // Query families: the two-term query ANDs two long-tail words of one document and keeps 11 of the 12 categories.
    public static readonly string[] Names =
        ["two terms + filter + facet", "Chinese two characters", "fuzzy (one typo)", "autocomplete prefix", "geo radius 2 km, nearest first"];

    /// <summary>The corpus seed, so each variant can name words a known document holds.</summary>
    public static int Seed { get; set; }

    public static int Documents { get; set; } = 1;

    // Variant v queries words of document Doc(v): every query matches at least that document, and the long-tail
    // words make the match sets the size real catalogue queries have (hundreds, not half the index).
    private static int Doc(int v) => (int)((v * 7_919L) % Documents);

    private static readonly string[] Prefixes = [.. Corpus.English.Take(60).Where(w => w.Length >= 5).Select(w => w[..4]).Distinct()];

    public static SearchEntitiesRequest TwoTerms(int v) => new()
    {
        Parent = Api.TypeName,
        Query = $"{Corpus.RareWord(Seed, Doc(v), 1)} {Corpus.RareWord(Seed, Doc(v), 2)}",
        Filter = $"attributes.category != \"{Corpus.Categories[v % Corpus.Categories.Length]}\"",
        Facets = { "brand" },
    };

    public static SearchEntitiesRequest Chinese(int v) => new() { Parent = Api.TypeName, Query = Corpus.CjkWord(Seed, Doc(v), 1) };

    // A long-tail word of 9 letters with its middle letter dropped: one edit away.
    public static SearchEntitiesRequest Fuzzy(int v) => new() { Parent = Api.TypeName, Query = Corpus.RareWord(Seed, Doc(v), 3).Remove(4, 1) };

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
