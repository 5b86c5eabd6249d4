using Mediator;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Quota;

public sealed record GetQuotaQuery(string Name) : IQuery<Result<QuotaView>>, IValidatable
{
    public Error? Validate() => QuotaNames.Quota(Name).Error;
}

internal sealed class GetQuotaHandler(QuotaReader reader) : IQueryHandler<GetQuotaQuery, Result<QuotaView>>
{
    public async ValueTask<Result<QuotaView>> Handle(GetQuotaQuery query, CancellationToken ct) =>
        await reader.ReadAsync(QuotaNames.Quota(query.Name).Value, ct);
}
