using Google.Protobuf.WellKnownTypes;
using Platform.Application.Abstractions.Search;
using Platform.Application.Search;
using Platform.Application.Search.Synonyms;
using Platform.Domain.Eav.Values;
using Platform.Domain.Search;
using Proto = Platform.Search.V1;

namespace Platform.GrpcHost.Mapping;

/// <summary>Search results to their protos; attributes and facet values as EntityService maps them.</summary>
internal static class SearchMapper
{
    public static Proto.SearchEntitiesResponse ToProto(SearchPage page) => new()
    {
        Hits =
        {
            page.Hits.Select(h => new Proto.SearchHit
            {
                Name = h.Entity.Entity.ResourceName,
                Score = h.Score,
                Attributes = EntityMapper.ToProto(h.Entity).Attributes,
                Highlights = { h.Highlights.Select(x => new Proto.Highlight { Attribute = x.Attribute, Snippet = x.Snippet }) },
            }.WithDistance(h.DistanceMeters)),
        },
        TotalSizeIsEstimate = page.TotalIsEstimate,
        NextPageToken = page.NextPageToken,
        TotalSize = page.TotalSize,
        Facets =
        {
            page.Facets.Select(f => new Proto.Facet
            {
                Attribute = f.Attribute,
                Buckets = { f.Buckets.Select(b => new Proto.FacetBucket { Value = EavMapper.ToProto(b.Value) ?? Value.ForNull(), Count = b.Count }) },
            }),
            (page.Ranges ?? []).Select(ToProto),
        },
    };

    /// <summary>Bucket i spans [boundary i-1, boundary i); the first and last are open-ended (empty start or end).</summary>
    private static Proto.Facet ToProto(RangeCounts r)
    {
        var bounds = r.Facet.Boundaries.Select(AttributeValueText.Format).ToList();
        return new Proto.Facet
        {
            Attribute = r.Facet.Attribute.Key,
            Ranges =
            {
                r.Counts.Select((count, i) => new Proto.RangeBucket { Start = i == 0 ? "" : bounds[i - 1], End = i == bounds.Count ? "" : bounds[i], Count = count }),
            },
        };
    }

    private static Proto.SearchHit WithDistance(this Proto.SearchHit hit, double? meters)
    {
        if (meters is { } m)
        {
            hit.DistanceMeters = m;
        }

        return hit;
    }

    /// <summary>An unset message is no geo filter; a set one is checked field by field in the application.</summary>
    public static GeoArgs? ToGeo(Proto.GeoFilter? geo) => geo is null
        ? null
        : new GeoArgs(geo.Attribute, geo.Center?.Latitude ?? double.NaN, geo.Center?.Longitude ?? double.NaN, geo.RadiusMeters);

    public static Proto.SynonymSet ToProto(SynonymSetRecord r) => new()
    {
        Name = r.ResourceName,
        EquivalentGroups = { r.Rules.EquivalentGroups.Select(g => new Proto.SynonymGroup { Terms = { g } }) },
        OneWayRules = { r.Rules.OneWayRules.Select(o => new Proto.OneWaySynonym { Input = o.Input, Synonyms = { o.Synonyms } }) },
        CreateTime = Timestamps.ToProto(r.CreateTime),
        UpdateTime = Timestamps.ToProto(r.UpdateTime),
        Etag = r.Etag,
    };

    public static SynonymSetDraft ToDraft(Proto.SynonymSet? s) => s is null
        ? new SynonymSetDraft([], [])
        : new SynonymSetDraft([.. s.EquivalentGroups.Select(g => (IReadOnlyList<string>)[.. g.Terms])],
            [.. s.OneWayRules.Select(o => new Domain.Search.Analysis.OneWaySynonym(o.Input, [.. o.Synonyms]))]);
}
