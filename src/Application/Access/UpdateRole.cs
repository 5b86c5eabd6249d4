using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Access;

/// <param name="DisplayName">Null when not populated (likewise the other values).</param>
/// <param name="UpdateMask">AIP-161 paths; empty means "every populated field", <c>*</c> means all.</param>
public sealed record UpdateRoleCommand(
    string Name, string? Etag, string? DisplayName, string? Description, IReadOnlyList<string>? Permissions, IReadOnlyList<string> UpdateMask)
    : ICommand<Result<RoleView>>, IValidatable
{
    public static readonly IReadOnlyList<string> UpdatablePaths = ["display_name", "description", "permissions"];

    public Error? Validate()
    {
        var v = new Validation().Merge(AccessNames.Role(Name, "role.name").Error);
        foreach (var path in UpdateMask)
        {
            v.Check(path == "*" || UpdatablePaths.Contains(path), "update_mask",
                $"'{path}' is not updatable; use one of {string.Join(", ", UpdatablePaths)} or *");
        }

        return v.ToError();
    }

    /// <summary>The changes the mask selects (null: unchanged); masked-but-empty fields are cleared.</summary>
    internal (string? DisplayName, string? Description, IReadOnlyList<string>? Permissions) Changes()
    {
        if (UpdateMask.Count == 0)
        {
            return (DisplayName, Description, Permissions);
        }

        bool In(string path) => UpdateMask.Contains("*") || UpdateMask.Contains(path);
        return (In("display_name") ? DisplayName ?? "" : null, In("description") ? Description ?? "" : null,
            In("permissions") ? Permissions ?? [] : null);
    }
}

internal sealed class UpdateRoleHandler(
    IRoleRepository roles,
    IRoleResolver resolver,
    IRequestContext context,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<UpdateRoleCommand, Result<RoleView>>
{
    public async ValueTask<Result<RoleView>> Handle(UpdateRoleCommand command, CancellationToken ct)
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

        var (displayName, description, permissions) = command.Changes();
        if (!role.Update(displayName, description, permissions, clock.GetUtcNow().UtcDateTime).TryGetValue(out _, out var invalid))
        {
            return invalid;
        }

        // Everyone holding the role gains what is added: the caller must hold it already.
        if (permissions is not null && AccessRules.CheckPermissions(context, role.Permissions) is { } refused)
        {
            return refused;
        }

        if (AccessSaveErrors.From(await unitOfWork.SaveChangesAsync(ct), role) is { } error)
        {
            return error;
        }

        resolver.Invalidate(name.TenantId);
        return RoleView.From(role);
    }
}
