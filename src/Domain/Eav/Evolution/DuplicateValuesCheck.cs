namespace Platform.Domain.Eav.Evolution;

/// <summary>Live entities sharing a value of an attribute about to become unique (a GROUP BY, not a row filter).</summary>
public sealed record DuplicateValuesCheck(string Key) : ExistingDataCheck(Key)
{
    public override string Describe() => $"share a value of attributes.{Key}";
}
