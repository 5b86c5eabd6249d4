namespace Platform.Domain.Eav.Evolution;

/// <summary>Entities without a value for an attribute about to become required.</summary>
public sealed record MissingValueCheck(string Key) : ExistingDataCheck(Key)
{
    public override string Describe() => $"have no value for attributes.{Key}";
}
