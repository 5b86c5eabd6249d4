using Mediator;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Common;
using Platform.Domain.Billing;
using Platform.Domain.Common;
using Platform.Domain.Quota;

namespace Platform.Application.Billing;

public sealed record CreateBillableMetricCommand(string MetricId, string? DisplayName, UsageAggregation Aggregation, string? UniqueProperty, string? RequestId)
    : ICommand<Result<BillableMetricDefinition>>, IValidatable
{
    public const int MaxDisplayName = 200;

    public Error? Validate()
    {
        var v = new Validation()
            .Check(Metrics.IsValidId(MetricId), "billable_metric_id", "must match [a-z][a-z0-9_]{0,62}")
            .Check((DisplayName ?? "").Length <= MaxDisplayName, "billable_metric.display_name", $"at most {MaxDisplayName} characters")
            .Check(Enum.IsDefined(Aggregation), "billable_metric.aggregation", "must be SUM, MAX, UNIQUE_COUNT or LATEST")
            .Check(Aggregation != UsageAggregation.UniqueCount || !string.IsNullOrWhiteSpace(UniqueProperty), "billable_metric.unique_property",
                "is required for UNIQUE_COUNT")
            .Check(Aggregation == UsageAggregation.UniqueCount || string.IsNullOrEmpty(UniqueProperty), "billable_metric.unique_property",
                "only applies to UNIQUE_COUNT")
            .Check((UniqueProperty ?? "").Length <= 64, "billable_metric.unique_property", "at most 64 characters");
        RequestIds.Check(v, RequestId);
        return v.ToError();
    }
}

/// <summary>
/// Custom metrics are reported by integrators (RecordUsageEvents); the metric id is its key, so a
/// retry with the same content is answered with the metric, and different content is ALREADY_EXISTS.
/// </summary>
internal sealed class CreateBillableMetricHandler(IBillingCatalog catalog, TimeProvider clock)
    : ICommandHandler<CreateBillableMetricCommand, Result<BillableMetricDefinition>>
{
    public async ValueTask<Result<BillableMetricDefinition>> Handle(CreateBillableMetricCommand command, CancellationToken ct)
    {
        var metric = new BillableMetricDefinition(command.MetricId, command.DisplayName ?? "", command.Aggregation,
            string.IsNullOrEmpty(command.UniqueProperty) ? null : command.UniqueProperty, false, BillingTime.Now(clock).UtcDateTime);
        if (await catalog.AddMetricAsync(metric, ct))
        {
            return metric;
        }

        var existing = await catalog.FindMetricAsync(command.MetricId, ct);
        return command.RequestId is not null && existing is not null && !existing.BuiltIn && existing with { CreateTime = metric.CreateTime } == metric
            ? existing
            : Error.AlreadyExists(metric.Name);
    }
}
