namespace Platform.Application.Abstractions;

/// <summary>Commits every change tracked in the current scope in one transaction.</summary>
public interface IUnitOfWork
{
    Task<SaveOutcome> SaveChangesAsync(CancellationToken ct);

    /// <summary>
    /// Runs <paramref name="work"/> in one database transaction together with every write it makes
    /// (ledger updates and <see cref="SaveChangesAsync"/>); commits when <paramref name="commit"/>
    /// says so for the result, rolls back otherwise or on an exception.
    /// </summary>
    Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, Func<T, bool> commit, CancellationToken ct);
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
