namespace Platform.Domain.Eav;

/// <summary>
/// The type of an attribute, fixed for the attribute's lifetime (see <see cref="Evolution.SchemaEvolution"/>).
/// No zero member, so an unset value is never mistaken for a real type.
/// </summary>
public enum AttributeType
{
    String = 1,
    Text = 2,
    Int64 = 3,
    Decimal = 4,
    Bool = 5,
    Date = 6,
    Timestamp = 7,
    Enum = 8,
    Reference = 9,
    GeoPoint = 10,
}
