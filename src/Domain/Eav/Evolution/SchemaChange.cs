using Platform.Domain.Eav.Values;

namespace Platform.Domain.Eav.Evolution;

/// <summary>
/// One classified difference between a type and a requested spec. <see cref="Field"/> is the API
/// path errors name; <see cref="Check"/> is set exactly when the verdict is
/// <see cref="SchemaVerdict.NeedsCheck"/>. <see cref="Backfill"/> is the default that existing
/// entities without a value may be given (required made true with a default).
/// </summary>
public sealed record SchemaChange(
    string Key,
    SchemaChangeKind Kind,
    SchemaVerdict Verdict,
    string Field,
    string Description,
    ExistingDataCheck? Check = null,
    AttributeValue? Backfill = null);
