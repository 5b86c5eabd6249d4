using Platform.Application.Abstractions.Eav;
using Platform.Domain.Common;
using Platform.Domain.Eav;

namespace Platform.Application.Eav;

/// <summary>An entity type as returned: the schema plus the build state of each indexed attribute's index.</summary>
public sealed record EntityTypeView(EntityType Type, IReadOnlyDictionary<string, IndexBuildState> IndexStates)
{
    public static async Task<Result<EntityTypeView>> OfAsync(IEavIndexes indexes, Result<EntityType> type, CancellationToken ct) =>
        type.TryGetValue(out var t, out var error) ? new EntityTypeView(t, await indexes.StatesAsync(t, ct)) : error;
}
