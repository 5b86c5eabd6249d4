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

/// <summary>Served from the tenant directory cache: the hottest read, with no database round trip.</summary>
internal sealed class GetTenantHandler(ITenantDirectory directory, TimeProvider clock)
    : IQueryHandler<GetTenantQuery, Result<Tenant>>
{
    public async ValueTask<Result<Tenant>> Handle(GetTenantQuery query, CancellationToken ct)
    {
        var id = TenantId.FromResourceName(query.Name).Value;
        var tenant = await directory.FindAsync(id, ct);
        return tenant is null || tenant.IsPurgeable(clock.GetUtcNow().UtcDateTime) ? Error.NotFound(id.ResourceName) : tenant;
    }
}
