using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Quota;

namespace Platform.Application.Quota;

public sealed record GetPlanQuery(string Name) : IQuery<Result<Plan>>, IValidatable
{
    public Error? Validate() => QuotaNames.Plan(Name).Error;
}

internal sealed class GetPlanHandler(IPlanRepository plans) : IQueryHandler<GetPlanQuery, Result<Plan>>
{
    public async ValueTask<Result<Plan>> Handle(GetPlanQuery query, CancellationToken ct) =>
        await plans.FindAsync(QuotaNames.Plan(query.Name).Value, ct) is { } plan ? plan : Error.NotFound(query.Name);
}
