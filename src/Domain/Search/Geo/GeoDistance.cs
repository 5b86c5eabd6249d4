namespace Platform.Domain.Search.Geo;

/// <summary>
/// Great-circle distance on a sphere of the Earth's mean radius (haversine). Accurate to about
/// 0.5 % against the ellipsoid, which is plenty for "within N meters" and nearest-first; both
/// databases compute the same formula in SQL (Infrastructure/Search/GeoSql), so a radius means
/// the same on each.
/// </summary>
public static class GeoDistance
{
    /// <summary>IUGG mean Earth radius, meters.</summary>
    public const double EarthRadiusMeters = 6_371_008.8;

    public static double Meters(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var h = Square(Math.Sin(dLat / 2)) + Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Square(Math.Sin(dLon / 2));

        // Rounding can push h a hair above 1 for antipodal points; asin is undefined there.
        return 2 * EarthRadiusMeters * Math.Asin(Math.Sqrt(Math.Min(1, h)));
    }

    public static double Radians(double degrees) => degrees * Math.PI / 180;

    public static double Degrees(double radians) => radians * 180 / Math.PI;

    private static double Square(double x) => x * x;
}
