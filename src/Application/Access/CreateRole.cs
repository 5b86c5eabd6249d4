using System.Text;
using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Domain.Access;
using Platform.Domain.Common;

namespace Platform.Application.Access;

public sealed record CreateRoleCommand(
    string Parent, string RoleId, string DisplayName, string Description, IReadOnlyList<string> Permissions, string? RequestId)
    : ICommand<Result<RoleView>>, IValidatable
{
    public Error? Validate()
    {
        var v = new Validation().Merge(AccessNames.Tenant(Parent).Error)
            .Check(ResourceIds.IsValid(RoleId), "role_id", "is required and must match [a-z][a-z0-9-]{1,62} and not end with '-'");
        RequestIds.Check(v, RequestId);
        return v.ToError();
    }

    internal string Fingerprint() => PageToken.Fingerprint(new StringBuilder().Append(Parent).Append('|').Append(RoleId).Append('|')
        .Append(DisplayName).Append('|').Append(Description).Append('|').AppendJoin(',', Permissions).ToString());
}

internal sealed class CreateRoleHandler(
    IRoleRepository roles,
    ITenantDirectory tenants,
    IRoleResolver resolver,
    IRequestContext context,
    IIdempotencyStore idempotency,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<CreateRoleCommand, Result<RoleView>>
{
    private const string Method = "CreateRole";

    public async ValueTask<Result<RoleView>> Handle(CreateRoleCommand command, CancellationToken ct)
    {
        var tenantId = AccessNames.Tenant(command.Parent).Value;
        var scope = AccessRules.IdempotencyScope(Method, command.Parent, context);
        if (command.RequestId is { } requestId && await ReplayAsync(scope, requestId, command.Fingerprint(), ct) is { } replay)
        {
            return replay;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (await AccessRules.CheckTenantAsync(tenants, tenantId, now, ct) is { } missing)
        {
            return missing;
        }

        if (!Role.Create(tenantId, command.RoleId, command.DisplayName, command.Description, command.Permissions, now).TryGetValue(out var role, out var invalid))
        {
            return invalid;
        }

        // A role grants nothing until it is given, but whoever defines it may also hold it: no
        // defining permissions the caller lacks.
        if (AccessRules.CheckPermissions(context, role.Permissions) is { } refused)
        {
            return refused;
        }

        if (await roles.FindAsync(tenantId, role.Id, ct) is not null)
        {
            return Error.AlreadyExists(role.ResourceName);
        }

        roles.Add(role);
        if (command.RequestId is { } key)
        {
            idempotency.Add(new IdempotencyRecord(scope, key, command.Fingerprint(), role.ResourceName, now));
        }

        var outcome = await unitOfWork.SaveChangesAsync(ct);
        if (outcome is { Status: SaveStatus.UniqueViolation, Constraint: Constraints.IdempotencyKey } &&
            await ReplayAsync(scope, command.RequestId!, command.Fingerprint(), ct) is { } raced)
        {
            return raced; // A concurrent retry committed first: answer as it did.
        }

        if (AccessSaveErrors.From(outcome, role) is { } error)
        {
            return error;
        }

        // The resolver may have cached this id as unknown (a grant tried before the role existed).
        resolver.Invalidate(tenantId);
        return RoleView.From(role);
    }

    private Task<Result<RoleView>?> ReplayAsync(string scope, string requestId, string fingerprint, CancellationToken ct) =>
        idempotency.ReplayAsync(scope, requestId, fingerprint, Method, async resource =>
        {
            var name = AccessNames.Role(resource).Value;
            return await roles.FindAsync(name.TenantId, name.Id, ct) is { } role ? RoleView.From(role) : Result<RoleView>.Failure(Error.NotFound(resource));
        }, ct);
}
