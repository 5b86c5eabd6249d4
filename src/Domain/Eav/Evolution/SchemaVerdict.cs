namespace Platform.Domain.Eav.Evolution;

public enum SchemaVerdict
{
    /// <summary>Safe whatever the data: applied as is.</summary>
    Allowed = 1,

    /// <summary>Safe only if no existing entity violates it; the service runs the change's check first.</summary>
    NeedsCheck = 2,

    /// <summary>Never allowed: existing values would change meaning.</summary>
    Refused = 3,
}
