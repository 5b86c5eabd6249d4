namespace Platform.Domain.Eav.Evolution;

/// <summary>
/// What to look for in existing entities before a narrowing change is applied: an entity that
/// matches the check violates the new schema. Application/Eav turns each into a filter the
/// storage translator can run.
/// </summary>
public abstract record ExistingDataCheck(string Key)
{
    /// <summary>Completes "N entities …", for the error that names the violators.</summary>
    public abstract string Describe();
}
