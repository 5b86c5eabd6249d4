using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Common;
using Platform.Domain.Access;
using Platform.Domain.Common;

namespace Platform.Application.Access;

/// <summary>Built-in roles in a fixed order, then custom roles by id.</summary>
public sealed record ListRolesQuery(string Parent, int PageSize, string? PageToken) : IQuery<Result<RolePage>>, IValidatable
{
    public Error? Validate() => new Validation().Merge(AccessNames.Tenant(Parent).Error).Merge(Paging.PageSize(PageSize).Error).ToError();
}

public sealed record RolePage(IReadOnlyList<RoleView> Roles, string NextPageToken);

internal sealed class ListRolesHandler(IRoleRepository roles, ITenantDirectory tenants, TimeProvider clock)
    : IQueryHandler<ListRolesQuery, Result<RolePage>>
{
    // The token's key is ["b", id] after a built-in role and ["c", id] after a custom one.
    private const string BuiltInKey = "b";
    private const string CustomKey = "c";

    public async ValueTask<Result<RolePage>> Handle(ListRolesQuery query, CancellationToken ct)
    {
        var tenantId = AccessNames.Tenant(query.Parent).Value;
        var fingerprint = Common.PageToken.Fingerprint(query.Parent);
        if (!Common.PageToken.Decode(query.PageToken, fingerprint).TryGetValue(out var after, out var tokenError))
        {
            return tokenError;
        }

        var builtIns = RoleView.BuiltInOrder;
        string? customAfter = null;
        switch (after)
        {
            case null:
                break;
            case [BuiltInKey, var id] when RoleView.BuiltInOrder.Contains(id):
                builtIns = RoleView.BuiltInOrder.SkipWhile(r => r != id).Skip(1).ToList();
                break;
            case [CustomKey, var id]:
                builtIns = [];
                customAfter = id;
                break;
            default:
                return Common.PageToken.Malformed();
        }

        if (await AccessRules.CheckTenantAsync(tenants, tenantId, clock.GetUtcNow().UtcDateTime, ct) is { } missing)
        {
            return missing;
        }

        var size = Paging.PageSize(query.PageSize).Value;
        var rows = builtIns.Take(size + 1).Select(id => RoleView.From(tenantId, BuiltInRoles.All[id])).ToList();
        if (rows.Count <= size)
        {
            var custom = await roles.ListAsync(tenantId, customAfter, size + 1 - rows.Count, ct);
            rows.AddRange(custom.Select(RoleView.From));
        }

        // One extra row tells whether another page exists.
        var page = rows.Take(size).ToList();
        var next = rows.Count > size
            ? Common.PageToken.Encode(fingerprint, [page[^1].BuiltIn ? BuiltInKey : CustomKey, page[^1].Id])
            : "";
        return new RolePage(page, next);
    }
}
