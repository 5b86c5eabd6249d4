using Mediator;
using Platform.Application.Abstractions.Quota;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Quota;

public sealed record ClearQuotaOverrideCommand(string Name, string LimitId) : ICommand<Result<QuotaView>>, IValidatable
{
    public Error? Validate() => new Validation().Merge(QuotaNames.Quota(Name).Error)
        .Check(!string.IsNullOrEmpty(LimitId), "limit_id", "is required").ToError();
}

/// <summary>Idempotent: clearing an override that does not exist succeeds.</summary>
internal sealed class ClearQuotaOverrideHandler(ITenantLimits limits, IQuotaOverrideRepository overrides, QuotaReader reader)
    : ICommandHandler<ClearQuotaOverrideCommand, Result<QuotaView>>
{
    public async ValueTask<Result<QuotaView>> Handle(ClearQuotaOverrideCommand command, CancellationToken ct)
    {
        var tenantId = QuotaNames.Quota(command.Name).Value;
        if (await limits.FindAsync(tenantId, ct) is null)
        {
            return Error.NotFound(command.Name);
        }

        await overrides.RemoveAsync(tenantId, command.LimitId, ct);
        limits.Invalidate(tenantId);
        return await reader.ReadAsync(tenantId, ct);
    }
}
