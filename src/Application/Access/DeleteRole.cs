using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Access;

/// <summary>Deletes a custom role that nothing holds; returns what was deleted (the API answers Empty).</summary>
public sealed record DeleteRoleCommand(string Name, string? Etag) : ICommand<Result<RoleView>>, IValidatable
{
    public Error? Validate() => AccessNames.Role(Name).Error;
}

internal sealed class DeleteRoleHandler(IRoleRepository roles, IRoleResolver resolver, IUnitOfWork unitOfWork)
    : ICommandHandler<DeleteRoleCommand, Result<RoleView>>
{
    public async ValueTask<Result<RoleView>> Handle(DeleteRoleCommand command, CancellationToken ct)
    {
        var name = AccessNames.Role(command.Name).Value;
        if (RoleView.IsTenantBuiltIn(name.Id))
        {
            return RoleView.Immutable(command.Name);
        }

        if (await roles.FindAsync(name.TenantId, name.Id, ct) is not { } role)
        {
            return Error.NotFound(command.Name);
        }

        if (role.CheckEtag(command.Etag) is { } stale)
        {
            return stale;
        }

        // Refused rather than cascaded: silently shrinking live credentials is worse than asking.
        // A grant racing this check leaves a dangling id, which resolves to no permissions.
        if (await roles.IsGrantedAsync(name.TenantId, name.Id, ct))
        {
            return Error.InvalidState(command.Name, "GRANTED",
                $"{command.Name} is still granted to API keys or members; remove it from them first.");
        }

        roles.Remove(role);
        if (AccessSaveErrors.From(await unitOfWork.SaveChangesAsync(ct), role) is { } error)
        {
            return error;
        }

        resolver.Invalidate(name.TenantId);
        return RoleView.From(role);
    }
}
