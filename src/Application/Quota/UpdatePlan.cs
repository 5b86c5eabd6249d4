using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Quota;

namespace Platform.Application.Quota;

/// <param name="UpdateMask">display_name, description, limits or <c>*</c>; empty means every populated field.</param>
public sealed record UpdatePlanCommand(string Name, string? Etag, string? DisplayName, string? Description, IReadOnlyList<Limit>? Limits,
    IReadOnlyList<string> UpdateMask) : ICommand<Result<Plan>>, IValidatable
{
    public static readonly IReadOnlyList<string> UpdatablePaths = ["display_name", "description", "limits"];

    public Error? Validate()
    {
        var v = new Validation().Merge(QuotaNames.Plan(Name, "plan.name").Error);
        foreach (var path in UpdateMask)
        {
            v.Check(path == "*" || UpdatablePaths.Contains(path), "update_mask",
                $"'{path}' is not updatable; use one of {string.Join(", ", UpdatablePaths)} or *");
        }

        return v.ToError();
    }

    private bool In(string path) => UpdateMask.Count == 0 || UpdateMask.Contains("*") || UpdateMask.Contains(path);

    // Masked-but-empty fields reset: an empty limits list removes every limit.
    internal (string? DisplayName, string? Description, IReadOnlyList<Limit>? Limits) Changes() => UpdateMask.Count == 0
        ? (DisplayName, Description, Limits)
        : (In("display_name") ? DisplayName ?? "" : null, In("description") ? Description ?? "" : null, In("limits") ? Limits ?? [] : null);
}

internal sealed class UpdatePlanHandler(IPlanRepository plans, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<UpdatePlanCommand, Result<Plan>>
{
    public async ValueTask<Result<Plan>> Handle(UpdatePlanCommand command, CancellationToken ct)
    {
        if (await plans.FindAsync(QuotaNames.Plan(command.Name).Value, ct) is not { } plan)
        {
            return Error.NotFound(command.Name);
        }

        if (plan.CheckEtag(command.Etag) is { } stale)
        {
            return stale;
        }

        var (displayName, description, newLimits) = command.Changes();
        if (plan.Update(displayName, description, newLimits, clock.GetUtcNow().UtcDateTime) is { } invalid)
        {
            return invalid;
        }

        var outcome = await unitOfWork.SaveChangesAsync(ct);
        if (outcome.Status == SaveStatus.ConcurrencyConflict)
        {
            return Error.ConcurrentModification(plan.ResourceName);
        }

        return plan;
    }
}
