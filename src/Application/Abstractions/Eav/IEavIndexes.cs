using Platform.Domain.Eav;

namespace Platform.Application.Abstractions.Eav;

/// <summary>
/// The indexes entity types need, built in the background (PostgreSQL: CREATE INDEX CONCURRENTLY)
/// so a schema change never waits for, or blocks writes behind, an index build.
/// </summary>
public interface IEavIndexes
{
    /// <summary>
    /// Records the indexes <paramref name="type"/> now needs (BUILDING) and drops the ones it no
    /// longer does; joins the unit of work. A FAILED index still needed is built again, so saving
    /// the type (after fixing its data) retries it. Call <see cref="Wake"/> after the commit.
    /// </summary>
    Task PlanAsync(EntityType type, CancellationToken ct);

    /// <summary>Forgets every index of the type (the type is deleted) and drops them; joins the unit of work.</summary>
    Task ForgetAsync(string tenantId, string typeId, CancellationToken ct);

    /// <summary>
    /// Per visible attribute, the worst state (FAILED, then BUILDING, then READY) of the indexes
    /// serving it, query-hint indexes included; attributes needing none are absent.
    /// </summary>
    Task<IReadOnlyDictionary<string, IndexBuildState>> StatesAsync(EntityType type, CancellationToken ct);

    /// <summary>Tells the builder there is work (after a commit).</summary>
    void Wake();
}

public enum IndexBuildState
{
    Building = 1,
    Ready = 2,
    Failed = 3,
}
