using System.Globalization;
using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Quota;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Quota;

public sealed record ReleaseQuotaCommand(string Name, string Metric, long Amount, string? RequestId)
    : ICommand<Result<LimitStatus>>, IValidatable
{
    public Error? Validate() => CounterRequest.Validate(Name, Metric, Amount, RequestId);
}

/// <summary>Gives units back; releasing more than is allocated is refused rather than clamped.</summary>
internal sealed class ReleaseQuotaHandler(ITenantLimits limits, IQuotaLedger ledger, IIdempotencyStore idempotency,
    IUnitOfWork unitOfWork, QuotaReader reader, TimeProvider clock) : ICommandHandler<ReleaseQuotaCommand, Result<LimitStatus>>
{
    public async ValueTask<Result<LimitStatus>> Handle(ReleaseQuotaCommand command, CancellationToken ct) =>
        await CounterChange.ApplyAsync(limits, idempotency, unitOfWork, reader, clock, new CounterChange.Request(
            "ReleaseQuota", command.Name, command.Metric, command.Amount, command.RequestId),
            async (tenantId, limit, amount) =>
            {
                var result = await ledger.TryReleaseAsync(tenantId, limit.Metric, amount, ct);
                return result.Applied
                    ? null
                    : Error.InvalidState(command.Name, "UNDERFLOW", string.Create(CultureInfo.InvariantCulture,
                        $"Only {result.Used} units of {limit.Metric} are allocated; cannot release {amount}."));
            }, ct);
}
