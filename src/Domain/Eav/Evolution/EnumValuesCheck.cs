namespace Platform.Domain.Eav.Evolution;

/// <summary>Entities that hold one of the enum values being removed.</summary>
public sealed record EnumValuesCheck(string Key, IReadOnlyList<string> Removed) : ExistingDataCheck(Key)
{
    public override string Describe() => $"have attributes.{Key} set to a removed value ({string.Join(", ", Removed)})";
}
