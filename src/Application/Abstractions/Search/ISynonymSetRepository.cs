using Platform.Domain.Search;

namespace Platform.Application.Abstractions.Search;

/// <summary>Synonym sets per tenant. Writes are conditional on the revision read, so concurrent edits never overwrite each other.</summary>
public interface ISynonymSetRepository
{
    Task<SynonymSetRecord?> FindAsync(string tenantId, string id, CancellationToken ct);

    /// <summary>Ordered by id, after <paramref name="afterId"/>.</summary>
    Task<IReadOnlyList<SynonymSetRecord>> ListAsync(string tenantId, string? afterId, int limit, CancellationToken ct);

    /// <summary>False when the id is taken.</summary>
    Task<bool> InsertAsync(SynonymSetRecord record, CancellationToken ct);

    /// <summary>False when the stored revision is no longer <paramref name="expectedRevision"/>.</summary>
    Task<bool> UpdateAsync(SynonymSetRecord record, long expectedRevision, CancellationToken ct);

    Task<bool> DeleteAsync(string tenantId, string id, long expectedRevision, CancellationToken ct);
}
