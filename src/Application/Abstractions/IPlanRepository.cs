using Platform.Domain.Quota;

namespace Platform.Application.Abstractions;

public interface IPlanRepository
{
    /// <summary>Tracked for update.</summary>
    Task<Plan?> FindAsync(string id, CancellationToken ct);

    /// <summary>Plans ordered by id, after <paramref name="afterId"/> (keyset).</summary>
    Task<IReadOnlyList<Plan>> ListAsync(string? afterId, int limit, CancellationToken ct);

    Task<bool> IsInUseAsync(string id, CancellationToken ct);

    void Add(Plan plan);

    void Remove(Plan plan);
}
