using System.Globalization;
using System.Text;
using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Quota;

namespace Platform.Application.Quota;

public sealed record CreatePlanCommand(string PlanId, string? DisplayName, string? Description, IReadOnlyList<Limit> Limits, string? RequestId)
    : ICommand<Result<Plan>>, IValidatable
{
    public Error? Validate()
    {
        var v = new Validation().Merge(Plan.Create(PlanId, DisplayName, Description, Limits, DateTime.UnixEpoch).Error);
        RequestIds.Check(v, RequestId);
        return v.ToError();
    }

    internal string Fingerprint() => PageToken.Fingerprint(new StringBuilder().Append(PlanId).Append('|').Append(DisplayName).Append('|')
        .Append(Description).Append('|').AppendJoin(',', Limits.Select(l => string.Create(CultureInfo.InvariantCulture,
            $"{l.Metric}:{(int)l.Window}:{l.Value}:{l.Unlimited}:{l.Burst}"))).ToString());
}

internal sealed class CreatePlanHandler(IPlanRepository plans, IIdempotencyStore idempotency, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<CreatePlanCommand, Result<Plan>>
{
    private const string Scope = "platform.quota.v1.PlanService/CreatePlan";

    public async ValueTask<Result<Plan>> Handle(CreatePlanCommand command, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (command.RequestId is { } requestId && await ReplayAsync(requestId, command.Fingerprint(), ct) is { } replay)
        {
            return replay;
        }

        var plan = Plan.Create(command.PlanId, command.DisplayName, command.Description, command.Limits, now).Value;
        if (await plans.FindAsync(plan.Id, ct) is not null)
        {
            return Error.AlreadyExists(plan.ResourceName);
        }

        plans.Add(plan);
        if (command.RequestId is { } key)
        {
            idempotency.Add(new IdempotencyRecord(Scope, key, command.Fingerprint(), plan.ResourceName, now));
        }

        var outcome = await unitOfWork.SaveChangesAsync(ct);
        if (outcome.Status == SaveStatus.UniqueViolation)
        {
            // Our own concurrent retry may have won; otherwise somebody else created the plan.
            return command.RequestId is { } id && await ReplayAsync(id, command.Fingerprint(), ct) is { } raced
                ? raced
                : Error.AlreadyExists(plan.ResourceName);
        }

        return plan;
    }

    private Task<Result<Plan>?> ReplayAsync(string requestId, string fingerprint, CancellationToken ct) =>
        idempotency.ReplayAsync(Scope, requestId, fingerprint, "CreatePlan", async name =>
            await plans.FindAsync(QuotaNames.Plan(name).Value, ct) is { } plan ? plan : Result<Plan>.Failure(Error.NotFound(name)), ct);
}
