using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Common;
using Platform.Domain.Access;
using Platform.Domain.Common;

namespace Platform.Application.Access;

public sealed record GetRoleQuery(string Name) : IQuery<Result<RoleView>>, IValidatable
{
    public Error? Validate() => AccessNames.Role(Name).Error;
}

internal sealed class GetRoleHandler(IRoleRepository roles, ITenantDirectory tenants, TimeProvider clock)
    : IQueryHandler<GetRoleQuery, Result<RoleView>>
{
    public async ValueTask<Result<RoleView>> Handle(GetRoleQuery query, CancellationToken ct)
    {
        var name = AccessNames.Role(query.Name).Value;
        if (BuiltInRoles.All.TryGetValue(name.Id, out var builtIn))
        {
            // Built-ins exist in every tenant, so only the tenant's existence decides.
            return await AccessRules.CheckTenantAsync(tenants, name.TenantId, clock.GetUtcNow().UtcDateTime, ct) is { } missing
                ? missing
                : RoleView.From(name.TenantId, builtIn);
        }

        return await roles.FindAsync(name.TenantId, name.Id, ct) is { } role ? RoleView.From(role) : Error.NotFound(query.Name);
    }
}
