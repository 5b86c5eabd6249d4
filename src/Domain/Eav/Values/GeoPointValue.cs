namespace Platform.Domain.Eav.Values;

/// <summary>WGS 84 degrees: latitude in [-90, 90], longitude in [-180, 180].</summary>
public sealed record GeoPointValue(double Latitude, double Longitude) : AttributeValue;
