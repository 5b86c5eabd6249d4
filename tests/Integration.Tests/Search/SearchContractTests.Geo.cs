using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Eav.V1;
using Platform.Integration.Tests.Infrastructure;
using Platform.Search.V1;
using static Platform.Integration.Tests.Eav.EntityWorld;

namespace Platform.Integration.Tests.Search;

/// <summary>Geo filtering and distance order, attribute order, read masks and range facets, on both providers.</summary>
public abstract partial class SearchContractTests<TFixture>
{
    // People's Square, Shanghai, and Trafalgar Square, London.
    private static readonly GeoPoint PeoplesSquare = new() { Latitude = 31.2304, Longitude = 121.4737 };
    private static readonly GeoPoint Trafalgar = new() { Latitude = 51.5074, Longitude = -0.1278 };

    // Distances from People's Square (haversine, mean Earth radius): bund 1,882 m, jingan 2,771 m,
    // hongqiao 13,557 m, pudong 33,238 m, suzhou 84,784 m, beijing 1,068 km; from Trafalgar Square:
    // london 546 m, paris 343.5 km.
    private static readonly (string Id, string Name, double Lat, double Lon, string Price, int Stars, string Opened)[] Shops =
    [
        ("bund", "Bund coffee roasters", 31.2400, 121.4900, "35.5", 4, "2019-05-01"),
        ("jingan", "Jing'an temple coffee", 31.2235, 121.4457, "28", 5, "2021-03-15"),
        ("hongqiao", "Hongqiao station tea house", 31.1979, 121.3363, "20", 3, "2018-07-20"),
        ("pudong", "Pudong airport coffee", 31.1443, 121.8083, "45", 2, "2022-01-10"),
        ("suzhou", "Suzhou garden coffee", 31.2990, 120.5853, "25", 4, "2020-09-09"),
        ("beijing", "Wangfujing coffee", 39.9139, 116.4110, "30", 4, "2017-02-02"),
        ("london", "Covent Garden coffee", 51.5117, -0.1240, "3.2", 5, "2016-06-06"),
        ("paris", "Le Marais coffee", 48.8590, 2.3580, "4.5", 3, "2023-04-04"),
    ];

    private static EntityType Shop() => new()
    {
        Attributes =
        {
            new AttributeDefinition { Key = "name", Type = AttributeType.String, Searchable = true },
            new AttributeDefinition { Key = "price", Type = AttributeType.Decimal, Filterable = true, Sortable = true },
            new AttributeDefinition { Key = "stars", Type = AttributeType.Int64, Filterable = true, Sortable = true },
            new AttributeDefinition { Key = "opened", Type = AttributeType.Date, Filterable = true },
            new AttributeDefinition { Key = "location", Type = AttributeType.GeoPoint },
        },
    };

    private static Value Point(double lat, double lon) =>
        Value.ForStruct(new Struct { Fields = { ["lat"] = Value.ForNumber(lat), ["lon"] = Value.ForNumber(lon) } });

    private async Task<(SearchService.SearchServiceClient Search, EntityService.EntityServiceClient Entities, string Parent)> ShopsAsync()
    {
        var scenario = await Quota.QuotaScenario.CreateAsync(fx, Quota.QuotaScenario.Unlimited("entity_types"));
        var type = await new EntityTypeService.EntityTypeServiceClient(scenario.Caller).CreateEntityTypeAsync(new CreateEntityTypeRequest
        {
            Parent = scenario.Tenant.Name, EntityTypeId = "shop", EntityType = Shop(),
        });
        var entities = new EntityService.EntityServiceClient(scenario.Caller);
        var batch = new BatchCreateEntitiesRequest { Parent = type.Name };
        foreach (var s in Shops)
        {
            batch.Requests.Add(new CreateEntityRequest
            {
                EntityId = s.Id,
                Entity = new Entity
                {
                    Attributes = Attrs(("name", S(s.Name)), ("price", S(s.Price)), ("stars", S(s.Stars.ToString(CultureInfo.InvariantCulture))),
                        ("opened", S(s.Opened)), ("location", Point(s.Lat, s.Lon))),
                },
            });
        }

        // A shop with no location is found by words, never by a geo search.
        batch.Requests.Add(new CreateEntityRequest { EntityId = "online", Entity = new Entity { Attributes = Attrs(("name", S("Online coffee shop")), ("price", S("10"))) } });
        await entities.BatchCreateEntitiesAsync(batch);
        var search = new SearchService.SearchServiceClient(scenario.Caller);
        await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = type.Name, Query = "coffee", Consistency = Consistency.Strong });
        return (search, entities, type.Name);
    }

    private static GeoFilter Near(GeoPoint center, double meters) => new() { Attribute = "location", Center = center, RadiusMeters = meters };

    [Fact]
    public async Task Geo_keeps_shops_within_the_radius_and_orders_them_nearest_first()
    {
        var (search, _, parent) = await ShopsAsync();

        var walk = await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Query = "coffee", Geo = Near(PeoplesSquare, 3_000), OrderBy = "distance" });
        Assert.Equal(["bund", "jingan"], Ids(walk));
        Assert.Equal(1_882, walk.Hits[0].DistanceMeters, 0);
        Assert.Equal(2_771, walk.Hits[1].DistanceMeters, 0);
        Assert.Equal(2, walk.TotalSize);
        Assert.False(walk.TotalSizeIsEstimate);

        // 50 km: the airport yes, Suzhou (85 km) and the tea house (no "coffee") no.
        var city = await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Query = "coffee", Geo = Near(PeoplesSquare, 50_000), OrderBy = "distance" });
        Assert.Equal(["bund", "jingan", "pudong"], Ids(city));

        // No words: everything near, nearest first by default, paged by distance.
        var first = await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Geo = Near(PeoplesSquare, 1_100_000), PageSize = 4 });
        var rest = await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Geo = Near(PeoplesSquare, 1_100_000), PageSize = 4, PageToken = first.NextPageToken });
        Assert.Equal(["bund", "jingan", "hongqiao", "pudong", "suzhou", "beijing"], Ids(first).Concat(Ids(rest)));
        Assert.Equal(6, first.TotalSize);
        Assert.InRange(rest.Hits[^1].DistanceMeters, 1_067_000, 1_069_000);

        // London: Covent Garden is round the corner, Paris 343.5 km away.
        var london = await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Query = "coffee", Geo = Near(Trafalgar, 400_000), OrderBy = "distance" });
        Assert.Equal(["london", "paris"], Ids(london));
        Assert.InRange(london.Hits[1].DistanceMeters, 343_000, 344_000);
        Assert.Equal(["london"], Ids(await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Query = "coffee", Geo = Near(Trafalgar, 300_000) })));

        // Relevance order still reports distances; without geo there are none.
        var ranked = await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Query = "coffee", Geo = Near(PeoplesSquare, 3_000) });
        Assert.All(ranked.Hits, h => Assert.True(h.HasDistanceMeters));
        Assert.All((await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Query = "coffee" })).Hits, h => Assert.False(h.HasDistanceMeters));
    }

    [Fact]
    public async Task Geo_follows_moves_and_deletes_and_combines_with_filters()
    {
        var (search, entities, parent) = await ShopsAsync();
        var filtered = await search.SearchEntitiesAsync(new SearchEntitiesRequest
        {
            Parent = parent, Filter = "attributes.stars >= 4", Geo = Near(PeoplesSquare, 100_000), Facets = { }, OrderBy = "distance",
        });
        Assert.Equal(["bund", "jingan", "suzhou"], Ids(filtered));

        // The Bund shop moves to Beijing; Jing'an closes.
        await entities.UpdateEntityAsync(new UpdateEntityRequest
        {
            Entity = new Entity { Name = $"{parent}/entities/bund", Attributes = Attrs(("location", Point(39.9087, 116.3975))) },
            UpdateMask = new FieldMask { Paths = { "attributes.location" } },
        });
        await entities.DeleteEntityAsync(new DeleteEntityRequest { Name = $"{parent}/entities/jingan" });
        var after = await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Geo = Near(PeoplesSquare, 50_000), Consistency = Consistency.Strong });
        Assert.Equal(["hongqiao", "pudong"], Ids(after));
        var beijing = await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Geo = Near(new GeoPoint { Latitude = 39.9042, Longitude = 116.4074 }, 5_000) });
        Assert.Equal(["bund", "beijing"], Ids(beijing));
    }

    [Fact]
    public async Task Order_by_sorts_by_attributes_and_pages_in_that_order()
    {
        var (search, _, parent) = await ShopsAsync();
        var cheapest = await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Query = "coffee", OrderBy = "attributes.price", PageSize = 3 });
        var next = await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Query = "coffee", OrderBy = "attributes.price", PageSize = 3, PageToken = cheapest.NextPageToken });
        var last = await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Query = "coffee", OrderBy = "attributes.price", PageSize = 3, PageToken = next.NextPageToken });
        Assert.Equal(["london", "paris", "online", "suzhou", "jingan", "beijing", "bund", "pudong"], Ids(cheapest).Concat(Ids(next)).Concat(Ids(last)));
        Assert.Empty(last.NextPageToken);

        var best = await search.SearchEntitiesAsync(new SearchEntitiesRequest
        {
            Parent = parent, Query = "coffee", OrderBy = "attributes.stars desc, attributes.price", Geo = Near(PeoplesSquare, 2_000_000),
        });
        Assert.Equal(["jingan", "suzhou", "beijing", "bund", "pudong"], Ids(best));

        // A page token belongs to its order.
        await Errors.AssertFailsAsync(() => search.SearchEntitiesAsync(new SearchEntitiesRequest
        {
            Parent = parent, Query = "coffee", OrderBy = "attributes.price desc", PageSize = 3, PageToken = cheapest.NextPageToken,
        }).ResponseAsync, StatusCode.InvalidArgument, "INVALID_PAGE_TOKEN");

        foreach (var bad in new[] { "attributes.name", "attributes.nope", "distance", "distance desc", "score" })
        {
            var (_, _, violations) = await Errors.AssertFailsAsync(() => search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Query = "coffee", OrderBy = bad }).ResponseAsync,
                StatusCode.InvalidArgument, "VALIDATION_FAILED");
            Assert.Equal(["order_by"], violations.Fields());
        }
    }

    [Fact]
    public async Task Read_mask_trims_the_attributes_and_range_facets_count_every_match()
    {
        var (search, _, parent) = await ShopsAsync();
        var masked = await search.SearchEntitiesAsync(new SearchEntitiesRequest { Parent = parent, Query = "jing'an", ReadMask = new FieldMask { Paths = { "attributes.name" } } });
        Assert.Equal(["name"], masked.Hits.Single().Attributes.Fields.Keys);
        Assert.NotEmpty(masked.Hits.Single().Highlights);

        var faceted = await search.SearchEntitiesAsync(new SearchEntitiesRequest
        {
            Parent = parent, Query = "coffee", PageSize = 1,
            RangeFacets =
            {
                new RangeFacet { Attribute = "attributes.price", Boundaries = { "10", "30", "40.00" } },
                new RangeFacet { Attribute = "opened", Boundaries = { "2020-01-01" } },
            },
        });
        Assert.Equal(8, faceted.TotalSize);
        var price = faceted.Facets[0];
        Assert.Equal("price", price.Attribute);
        Assert.Equal([("", "10", 2L), ("10", "30", 3L), ("30", "40", 2L), ("40", "", 1L)], price.Ranges.Select(r => (r.Start, r.End, r.Count)));
        var opened = faceted.Facets[1];
        Assert.Equal([("", "2020-01-01", 3L), ("2020-01-01", "", 4L)], opened.Ranges.Select(r => (r.Start, r.End, r.Count))); // "online" has no date
    }

    [Fact]
    public async Task Bad_geo_and_range_values_name_the_field_and_rest_serves_geo()
    {
        var (search, _, parent) = await ShopsAsync();
        async Task<IReadOnlyList<string>> FieldsAsync(SearchEntitiesRequest request)
        {
            var (_, _, bad) = await Errors.AssertFailsAsync(() => search.SearchEntitiesAsync(request).ResponseAsync, StatusCode.InvalidArgument, "VALIDATION_FAILED");
            return bad.Fields();
        }

        Assert.Equal(["geo.center.latitude"], await FieldsAsync(new SearchEntitiesRequest { Parent = parent, Geo = Near(new GeoPoint { Latitude = 90.5, Longitude = 0 }, 10) }));
        Assert.Equal(["geo.center.longitude"], await FieldsAsync(new SearchEntitiesRequest { Parent = parent, Geo = Near(new GeoPoint { Latitude = 0, Longitude = -181 }, 10) }));
        Assert.Equal(["geo.radius_meters"], await FieldsAsync(new SearchEntitiesRequest { Parent = parent, Geo = Near(PeoplesSquare, 0) }));
        Assert.Equal(["geo.radius_meters"], await FieldsAsync(new SearchEntitiesRequest { Parent = parent, Geo = Near(PeoplesSquare, 20_037_510) }));
        Assert.Equal(["geo.attribute"], await FieldsAsync(new SearchEntitiesRequest
        {
            Parent = parent, Geo = new GeoFilter { Attribute = "name", Center = PeoplesSquare, RadiusMeters = 10 },
        }));
        Assert.Equal(["range_facets[0].attribute"], await FieldsAsync(new SearchEntitiesRequest
        {
            Parent = parent, Query = "coffee", RangeFacets = { new RangeFacet { Attribute = "name", Boundaries = { "a" } } },
        }));
        Assert.Equal(["range_facets[0].boundaries[1]"], await FieldsAsync(new SearchEntitiesRequest
        {
            Parent = parent, Query = "coffee", RangeFacets = { new RangeFacet { Attribute = "price", Boundaries = { "30", "10" } } },
        }));
        Assert.Equal(["range_facets[0].boundaries[0]"], await FieldsAsync(new SearchEntitiesRequest
        {
            Parent = parent, Query = "coffee", RangeFacets = { new RangeFacet { Attribute = "opened", Boundaries = { "yesterday" } } },
        }));
        Assert.Equal(["read_mask"], await FieldsAsync(new SearchEntitiesRequest { Parent = parent, Query = "coffee", ReadMask = new FieldMask { Paths = { "attributes.nope" } } }));

        // Across types: geo, order_by and range facets bind to one type's schema.
        var tenant = parent[..parent.IndexOf("/entityTypes/", StringComparison.Ordinal)];
        Assert.Equal(["geo"], await FieldsAsync(new SearchEntitiesRequest { Parent = tenant, Query = "coffee", Geo = Near(PeoplesSquare, 1000) }));
        Assert.Equal(["order_by"], await FieldsAsync(new SearchEntitiesRequest { Parent = tenant, Query = "coffee", OrderBy = "attributes.price" }));
        Assert.Equal(["range_facets"], await FieldsAsync(new SearchEntitiesRequest
        {
            Parent = tenant, Query = "coffee", RangeFacets = { new RangeFacet { Attribute = "price", Boundaries = { "1" } } },
        }));

        var rest = await fx.Rest.PostAsJsonAsync($"/v1/{parent}:search", new
        {
            query = "coffee", orderBy = "distance",
            geo = new { attribute = "attributes.location", center = new { latitude = 51.5074, longitude = -0.1278 }, radiusMeters = 400_000 },
        });
        Assert.True(rest.IsSuccessStatusCode, await rest.Content.ReadAsStringAsync());
        var hits = (await rest.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hits");
        Assert.Equal(2, hits.GetArrayLength());
        Assert.EndsWith("/entities/london", hits[0].GetProperty("name").GetString());
        Assert.InRange(hits[1].GetProperty("distanceMeters").GetDouble(), 343_000, 344_000);
    }
}
