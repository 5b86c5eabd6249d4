namespace Platform.Domain.Eav.Evolution;

/// <summary>
/// Entities with a value (or item) the new pattern rejects. SQL cannot run .NET patterns, so the
/// candidates (entities with a value) are confirmed in memory.
/// </summary>
public sealed record PatternCheck(string Key, string Pattern) : ExistingDataCheck(Key)
{
    public override string Describe() => $"have attributes.{Key} not matching {Pattern}";
}
