using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Quota;

public sealed record DeletePlanCommand(string Name) : ICommand<Result<string>>, IValidatable
{
    public Error? Validate() => QuotaNames.Plan(Name).Error;
}

/// <summary>Refused while any tenant (deleted ones included, they can be restored) is on the plan.</summary>
internal sealed class DeletePlanHandler(IPlanRepository plans, IUnitOfWork unitOfWork)
    : ICommandHandler<DeletePlanCommand, Result<string>>
{
    public async ValueTask<Result<string>> Handle(DeletePlanCommand command, CancellationToken ct)
    {
        if (await plans.FindAsync(QuotaNames.Plan(command.Name).Value, ct) is not { } plan)
        {
            return Error.NotFound(command.Name);
        }

        if (await plans.IsInUseAsync(plan.Id, ct))
        {
            return Error.InvalidState(command.Name, "IN_USE", $"{command.Name} still has tenants; move them to another plan first.");
        }

        plans.Remove(plan);
        var outcome = await unitOfWork.SaveChangesAsync(ct);
        if (outcome.Status == SaveStatus.ConcurrencyConflict)
        {
            return Error.ConcurrentModification(command.Name);
        }

        return command.Name;
    }
}
