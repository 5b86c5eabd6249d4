using Mediator;
using Platform.Application.Abstractions.Quota;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Quota;

namespace Platform.Application.Quota;

public sealed record CheckQuotaCommand(string Name, string Metric, long Amount) : IQuery<Result<QuotaCheck>>, IValidatable
{
    public Error? Validate() => new Validation().Merge(QuotaNames.Quota(Name).Error)
        .Check(Metrics.IsValidId(Metric), "metric", "must match [a-z][a-z0-9_]{0,62}")
        .Check(Amount is >= 0 and <= CounterRequest.MaxAmount, "amount", $"must be between 1 and {CounterRequest.MaxAmount}")
        .ToError();
}

/// <param name="DeniedLimitId">The first limit that would refuse the amount; null when allowed.</param>
public sealed record QuotaCheck(bool Allowed, string? DeniedLimitId, IReadOnlyList<LimitStatus> Limits);

/// <summary>A dry run over every limit on the metric; nothing is consumed.</summary>
internal sealed class CheckQuotaHandler(ITenantLimits limits, QuotaReader reader) : IQueryHandler<CheckQuotaCommand, Result<QuotaCheck>>
{
    public async ValueTask<Result<QuotaCheck>> Handle(CheckQuotaCommand query, CancellationToken ct)
    {
        var tenantId = QuotaNames.Quota(query.Name).Value;
        if (await limits.FindAsync(tenantId, ct) is not { } set)
        {
            return Error.NotFound(query.Name);
        }

        var onMetric = set.Limits.Where(l => l.Limit.Metric == query.Metric).ToList();
        if (onMetric.Count == 0 && Metrics.IsCustom(query.Metric))
        {
            return CounterRequest.Undeclared(set.PlanId, query.Metric);
        }

        var amount = CounterRequest.Amount(query.Amount);
        var view = await reader.ReadAsync(set, onMetric, ct);
        var denied = view.Limits.FirstOrDefault(s => !s.Effective.Limit.Unlimited && s.Remaining < amount);
        return new QuotaCheck(denied is null, denied?.Effective.Limit.LimitId, view.Limits);
    }
}
