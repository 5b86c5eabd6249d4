using Platform.Domain.Quota;

namespace Platform.Application.Abstractions.Quota;

public interface IQuotaOverrideRepository
{
    Task<IReadOnlyList<QuotaOverride>> ListAsync(string tenantId, CancellationToken ct);

    /// <summary>Replaces the override with the same limit id, if any.</summary>
    Task SetAsync(QuotaOverride value, CancellationToken ct);

    /// <summary>True when an override was removed.</summary>
    Task<bool> RemoveAsync(string tenantId, string limitId, CancellationToken ct);
}
