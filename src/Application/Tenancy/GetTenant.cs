using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Tenancy;

namespace Platform.Application.Tenancy;

public sealed record GetTenantQuery(string Name) : IQuery<Result<Tenant>>, IValidatable
{
    public Error? Validate() => TenantId.FromResourceName(Name).Error;
}

internal sealed class GetTenantHandler(ITenantRepository tenants, TimeProvider clock)
    : IQueryHandler<GetTenantQuery, Result<Tenant>>
{
    public async ValueTask<Result<Tenant>> Handle(GetTenantQuery query, CancellationToken ct) =>
        await tenants.LoadAsync(TenantId.FromResourceName(query.Name).Value, clock.GetUtcNow().UtcDateTime, ct);
}
