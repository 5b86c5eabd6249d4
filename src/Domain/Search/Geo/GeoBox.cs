namespace Platform.Domain.Search.Geo;

/// <summary>
/// A latitude/longitude box holding every point of a <see cref="GeoCircle"/>: the cheap index
/// prefilter (an R*Tree or B-tree range) before the exact distance. Longitude may wrap at the
/// antimeridian, so it is one or two ranges; a circle reaching a pole spans every longitude.
/// </summary>
public sealed record GeoBox(double MinLatitude, double MaxLatitude, IReadOnlyList<(double Min, double Max)> Longitudes)
{
    /// <summary>
    /// Widens the box a little (about 10 m): stored coordinates may be rounded (SQLite's R*Tree
    /// keeps 32-bit floats), and the exact distance check afterwards removes what is extra.
    /// </summary>
    public const double PaddingDegrees = 1e-4;

    public static GeoBox Around(GeoCircle circle)
    {
        var angle = circle.RadiusMeters / GeoDistance.EarthRadiusMeters;
        var delta = GeoDistance.Degrees(angle) + PaddingDegrees;
        var minLat = circle.Latitude - delta;
        var maxLat = circle.Latitude + delta;
        if (minLat <= -90 || maxLat >= 90 || angle >= Math.PI / 2)
        {
            // A pole is inside: every meridian crosses the circle.
            return new GeoBox(Math.Max(minLat, -90), Math.Min(maxLat, 90), [(-180, 180)]);
        }

        // The widest longitude span is where the circle touches its tangent meridians.
        var lat = GeoDistance.Radians(circle.Latitude);
        var dLon = GeoDistance.Degrees(Math.Asin(Math.Min(1, Math.Sin(angle) / Math.Cos(lat)))) + PaddingDegrees;
        var minLon = circle.Longitude - dLon;
        var maxLon = circle.Longitude + dLon;
        IReadOnlyList<(double, double)> longitudes = (minLon, maxLon) switch
        {
            _ when maxLon - minLon >= 360 => [(-180, 180)],
            _ when minLon < -180 => [(minLon + 360, 180), (-180, maxLon)],
            _ when maxLon > 180 => [(minLon, 180), (-180, maxLon - 360)],
            _ => [(minLon, maxLon)],
        };
        return new GeoBox(minLat, maxLat, longitudes);
    }

    public bool Contains(double latitude, double longitude) =>
        latitude >= MinLatitude && latitude <= MaxLatitude && Longitudes.Any(r => longitude >= r.Min && longitude <= r.Max);
}
