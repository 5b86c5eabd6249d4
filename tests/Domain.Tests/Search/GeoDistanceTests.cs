using Platform.Domain.Search.Geo;

namespace Platform.Domain.Tests.Search;

public sealed class GeoDistanceTests
{
    // Published great-circle distances between city centres, km.
    [Theory]
    [InlineData(51.5074, -0.1278, 48.8566, 2.3522, 343.5)]        // London – Paris
    [InlineData(31.2304, 121.4737, 39.9042, 116.4074, 1067)]     // Shanghai – Beijing
    [InlineData(40.7128, -74.0060, 51.5074, -0.1278, 5570)]      // New York – London
    [InlineData(-33.8688, 151.2093, -36.8485, 174.7633, 2156)]   // Sydney – Auckland
    public void City_distances_match_published_figures(double lat1, double lon1, double lat2, double lon2, double km)
    {
        var meters = GeoDistance.Meters(lat1, lon1, lat2, lon2);
        Assert.InRange(meters, km * 1000 * 0.995, km * 1000 * 1.005);
        Assert.Equal(meters, GeoDistance.Meters(lat2, lon2, lat1, lon1), 6);
    }

    [Fact]
    public void Same_point_is_zero_and_antipodes_are_half_the_circumference()
    {
        Assert.Equal(0, GeoDistance.Meters(31.2304, 121.4737, 31.2304, 121.4737));
        Assert.Equal(Math.PI * GeoDistance.EarthRadiusMeters, GeoDistance.Meters(10, 20, -10, -160), 0);
    }

    [Fact]
    public void The_box_holds_the_circle_and_not_far_points()
    {
        var shanghai = new GeoCircle(31.2304, 121.4737, 50_000);
        var box = shanghai.Box();

        // Points 49 km away in each compass direction are inside the circle and the box.
        foreach (var (lat, lon) in new[] { (31.6711, 121.4737), (30.7897, 121.4737), (31.2304, 121.9885), (31.2304, 120.9589) })
        {
            Assert.True(shanghai.Contains(lat, lon), $"{lat},{lon}");
            Assert.True(box.Contains(lat, lon), $"{lat},{lon}");
        }

        Assert.False(box.Contains(39.9042, 116.4074)); // Beijing
        Assert.False(shanghai.Contains(31.1443, 120.5853)); // Suzhou centre, about 85 km
    }

    [Fact]
    public void A_circle_across_the_antimeridian_wraps_its_longitudes()
    {
        var suva = new GeoCircle(-18.1248, 178.4501, 300_000);
        var box = suva.Box();
        Assert.Equal(2, box.Longitudes.Count);
        Assert.True(suva.Contains(-18.0, -179.6)); // about 207 km east, across 180°
        Assert.True(box.Contains(-18.0, -179.6));
        Assert.False(box.Contains(-18.0, 0));
    }

    [Fact]
    public void A_circle_over_a_pole_spans_every_longitude()
    {
        var box = new GeoCircle(89.5, 0, 200_000).Box();
        Assert.Equal([(-180d, 180d)], box.Longitudes);
        Assert.Equal(90, box.MaxLatitude);
        Assert.True(box.Contains(89.9, 179));
    }

    [Theory]
    [InlineData(91, 0, 10, "center.latitude")]
    [InlineData(0, -180.5, 10, "center.longitude")]
    [InlineData(0, 0, 0, "radius_meters")]
    [InlineData(0, 0, 30_000_000, "radius_meters")]
    [InlineData(double.NaN, 0, 10, "center.latitude")]
    public void Bad_circles_name_the_field(double lat, double lon, double radius, string field) =>
        Assert.Equal([field], new GeoCircle(lat, lon, radius).Check().Select(c => c.Field));
}
