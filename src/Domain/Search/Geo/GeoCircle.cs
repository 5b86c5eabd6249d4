namespace Platform.Domain.Search.Geo;

/// <summary>
/// "Within <see cref="RadiusMeters"/> of a point": what a geo search asks. <see cref="Check"/>
/// names the request fields (latitude, longitude, radius) each bad value violates.
/// </summary>
public sealed record GeoCircle(double Latitude, double Longitude, double RadiusMeters)
{
    /// <summary>Half the equator (π × 6,378,137 m): every point on Earth is closer than this.</summary>
    public const double MaxRadiusMeters = 20_037_509;

    /// <summary>(relative field, problem) for each bad value; empty when the circle is usable.</summary>
    public IEnumerable<(string Field, string Problem)> Check()
    {
        if (!double.IsFinite(Latitude) || Latitude is < -90 or > 90)
        {
            yield return ("center.latitude", "must be between -90 and 90");
        }

        if (!double.IsFinite(Longitude) || Longitude is < -180 or > 180)
        {
            yield return ("center.longitude", "must be between -180 and 180");
        }

        if (!double.IsFinite(RadiusMeters) || RadiusMeters <= 0 || RadiusMeters > MaxRadiusMeters)
        {
            yield return ("radius_meters", $"must be more than 0 and at most {MaxRadiusMeters:0} (half the Earth's circumference)");
        }
    }

    public bool Contains(double latitude, double longitude) => GeoDistance.Meters(Latitude, Longitude, latitude, longitude) <= RadiusMeters;

    public GeoBox Box() => GeoBox.Around(this);
}
