using Mediator;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Billing;

public sealed record DeleteBillableMetricCommand(string Name) : ICommand<Result<bool>>, IValidatable
{
    public Error? Validate() => BillingNames.Metric(Name).Error;
}

/// <summary>Only custom metrics that no price version charges can go: a priced metric is needed to recompute invoices.</summary>
internal sealed class DeleteBillableMetricHandler(IBillingCatalog catalog) : ICommandHandler<DeleteBillableMetricCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(DeleteBillableMetricCommand command, CancellationToken ct)
    {
        var id = BillingNames.Metric(command.Name).Value;
        var metric = await catalog.FindMetricAsync(id, ct);
        if (metric is null)
        {
            return Error.NotFound(command.Name);
        }

        if (metric.BuiltIn)
        {
            return Error.InvalidState(command.Name, "BUILT_IN", "Built-in metrics cannot be deleted.");
        }

        if (await catalog.IsMetricPricedAsync(id, ct))
        {
            return Error.InvalidState(command.Name, "PRICED", "A price version charges this metric; it cannot be deleted.");
        }

        await catalog.DeleteMetricAsync(id, ct);
        return true;
    }
}
