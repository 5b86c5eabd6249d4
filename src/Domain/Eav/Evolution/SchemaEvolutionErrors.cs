using System.Globalization;
using Platform.Domain.Common;

namespace Platform.Domain.Eav.Evolution;

public static class SchemaEvolutionErrors
{
    /// <summary>Changes that can never be applied: invalid requests, one violation each.</summary>
    public static Error Refused(IEnumerable<SchemaChange> refused) =>
        Error.Validation(refused.Select(c => new FieldViolation(c.Field, c.Description)).ToList());

    /// <summary>
    /// A narrowing change that existing data violates: FAILED_PRECONDITION naming how many
    /// entities and a few of them, so the tenant can fix them and retry.
    /// </summary>
    public static Error ExistingDataViolates(EntityType type, SchemaChange change, long count, IReadOnlyList<string> examples)
    {
        var what = change.Check?.Describe() ?? "violate the change";
        var sample = examples.Count == 0 ? "" : $" (e.g. {string.Join(", ", examples)})";
        var message = $"Cannot apply '{change.Description}' to {type.ResourceName}: {count} entities {what}{sample}. Fix them and retry.";
        return Error.Custom(ErrorKind.PreconditionFailed, ErrorReasons.InvalidState, message,
            [new FieldViolation(change.Field, $"{count} existing entities {what}")],
            new Dictionary<string, string>
            {
                ["resource"] = type.ResourceName,
                ["attribute"] = change.Key,
                ["violating_entities"] = count.ToString(CultureInfo.InvariantCulture),
                ["examples"] = string.Join(",", examples),
            });
    }
}
