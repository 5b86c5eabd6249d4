namespace Platform.Application.Abstractions;

/// <summary>Commits every change tracked in the current scope in one transaction.</summary>
public interface IUnitOfWork
{
    Task<SaveOutcome> SaveChangesAsync(CancellationToken ct);
}

/// <summary>
/// What a commit ran into, as a value: handlers decide what a unique violation means for their
/// resource (constraint names are listed in <see cref="Constraints"/>).
/// </summary>
public readonly record struct SaveOutcome(SaveStatus Status, string? Constraint = null)
{
    public static SaveOutcome Saved => new(SaveStatus.Saved);
}

public enum SaveStatus
{
    Saved,
    UniqueViolation,
    ConcurrencyConflict,
}
