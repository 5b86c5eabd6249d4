using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Quota;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Quota;

namespace Platform.Application.Quota;

public sealed record SetQuotaOverrideCommand(string Name, Limit Limit) : ICommand<Result<QuotaView>>, IValidatable
{
    public Error? Validate()
    {
        var v = new Validation().Merge(QuotaNames.Quota(Name).Error);
        Limit.Check(v, "limit");
        return v.ToError();
    }
}

/// <summary>Replaces one plan limit for one tenant; the call itself is audited by the host.</summary>
internal sealed class SetQuotaOverrideHandler(ITenantLimits limits, IQuotaOverrideRepository overrides, IUnitOfWork unitOfWork,
    QuotaReader reader, TimeProvider clock) : ICommandHandler<SetQuotaOverrideCommand, Result<QuotaView>>
{
    public async ValueTask<Result<QuotaView>> Handle(SetQuotaOverrideCommand command, CancellationToken ct)
    {
        var tenantId = QuotaNames.Quota(command.Name).Value;
        if (await limits.FindAsync(tenantId, ct) is null)
        {
            return Error.NotFound(command.Name);
        }

        var now = Clock.Truncate(clock.GetUtcNow().UtcDateTime);
        await overrides.SetAsync(new QuotaOverride(tenantId, command.Limit.LimitId, command.Limit, now), ct);
        // The unit of work drops this tenant's cached limits when an override changes.
        if ((await unitOfWork.SaveChangesAsync(ct)).Status != SaveStatus.Saved)
        {
            return Error.ConcurrentModification(command.Name);
        }

        return await reader.ReadAsync(tenantId, ct);
    }
}
