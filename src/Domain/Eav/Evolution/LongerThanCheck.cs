namespace Platform.Domain.Eav.Evolution;

/// <summary>Entities with a value (or, when repeated, an item) longer than the new max_length.</summary>
public sealed record LongerThanCheck(string Key, int MaxLength) : ExistingDataCheck(Key)
{
    public override string Describe() => $"have attributes.{Key} longer than {MaxLength} characters";
}
