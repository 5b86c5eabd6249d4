using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Quota;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Quota;

namespace Platform.Application.Quota;

public sealed record AllocateQuotaCommand(string Name, string Metric, long Amount, string? RequestId)
    : ICommand<Result<LimitStatus>>, IValidatable
{
    public Error? Validate() => CounterRequest.Validate(Name, Metric, Amount, RequestId);
}

/// <summary>
/// Allocates custom-counter units: the conditional ledger update and the request_id claim commit
/// in one transaction, so a retry never counts twice and a failure never counts at all.
/// </summary>
internal sealed class AllocateQuotaHandler(ITenantLimits limits, IQuotaLedger ledger, IIdempotencyStore idempotency,
    IUnitOfWork unitOfWork, QuotaReader reader, TimeProvider clock) : ICommandHandler<AllocateQuotaCommand, Result<LimitStatus>>
{
    public async ValueTask<Result<LimitStatus>> Handle(AllocateQuotaCommand command, CancellationToken ct) =>
        await CounterChange.ApplyAsync(limits, idempotency, unitOfWork, reader, clock, new CounterChange.Request(
            "AllocateQuota", command.Name, command.Metric, command.Amount, command.RequestId),
            async (tenantId, limit, amount) =>
            {
                var result = await ledger.TryAcquireAsync(tenantId, limit.Metric, amount, limit.Unlimited ? null : limit.Value, ct);
                return result.Applied
                    ? null
                    : QuotaErrors.Exceeded(command.Name, limit.Metric, limit.Value, result.Used, amount);
            }, ct);
}
