using Platform.Domain.Eav.Values;

namespace Platform.Domain.Eav.Evolution;

/// <summary>
/// Entities with a value (or item) below <see cref="Min"/> or above <see cref="Max"/>; only the
/// bounds that were tightened are set.
/// </summary>
public sealed record OutOfRangeCheck(string Key, AttributeValue? Min, AttributeValue? Max) : ExistingDataCheck(Key)
{
    public override string Describe() => (Min, Max) switch
    {
        ({ } min, { } max) => $"have attributes.{Key} outside [{AttributeValueText.Format(min)}, {AttributeValueText.Format(max)}]",
        ({ } min, null) => $"have attributes.{Key} below {AttributeValueText.Format(min)}",
        (null, { } max) => $"have attributes.{Key} above {AttributeValueText.Format(max)}",
        _ => $"have attributes.{Key} out of range",
    };
}
