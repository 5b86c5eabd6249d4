using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Domain.Access;
using Platform.Domain.Common;

namespace Platform.Application.Access;

/// <param name="DisplayName">Null when not populated.</param>
/// <param name="Roles">Null when not populated.</param>
/// <param name="UpdateMask">AIP-161 paths; empty means "every populated field", <c>*</c> means all.</param>
public sealed record UpdateMemberCommand(string Name, string? Etag, string? DisplayName, IReadOnlyList<string>? Roles, IReadOnlyList<string> UpdateMask)
    : ICommand<Result<Member>>, IValidatable
{
    public static readonly IReadOnlyList<string> UpdatablePaths = ["display_name", "roles"];

    public Error? Validate()
    {
        var v = new Validation().Merge(AccessNames.Member(Name, "member.name").Error);
        foreach (var path in UpdateMask)
        {
            v.Check(path == "*" || UpdatablePaths.Contains(path), "update_mask",
                $"'{path}' is not updatable; use one of {string.Join(", ", UpdatablePaths)} or *");
        }

        return v.ToError();
    }

    /// <summary>The changes the mask selects (null: unchanged); masked-but-empty fields are cleared.</summary>
    internal (string? DisplayName, IReadOnlyList<string>? Roles) Changes()
    {
        if (UpdateMask.Count == 0)
        {
            return (DisplayName, Roles);
        }

        bool In(string path) => UpdateMask.Contains("*") || UpdateMask.Contains(path);
        return (In("display_name") ? DisplayName ?? "" : null, In("roles") ? Roles ?? [] : null);
    }
}

internal sealed class UpdateMemberHandler(
    IMemberRepository members,
    IRoleResolver roles,
    IRequestContext context,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<UpdateMemberCommand, Result<Member>>
{
    public async ValueTask<Result<Member>> Handle(UpdateMemberCommand command, CancellationToken ct)
    {
        var name = AccessNames.Member(command.Name).Value;
        if (await members.FindAsync(name.TenantId, name.Id, ct) is not { } member)
        {
            return Error.NotFound(command.Name);
        }

        if (member.CheckEtag(command.Etag) is { } stale)
        {
            return stale;
        }

        var (displayName, newRoles) = command.Changes();
        if (newRoles is not null)
        {
            // Changing someone's roles is granting: the caller must hold what the member has now
            // (no demoting a more powerful member) and everything it is given.
            var current = await roles.PermissionsAsync(name.TenantId, member.Roles, ct);
            if (AccessRules.CheckPermissions(context, current) is { } outranked)
            {
                return outranked;
            }

            if (newRoles.Count > 0 && await AccessRules.CheckGrantAsync(context, roles, name.TenantId, newRoles, "member.roles", ct) is { } refused)
            {
                return refused;
            }
        }

        if (!member.Update(displayName, newRoles, clock.GetUtcNow().UtcDateTime).TryGetValue(out _, out var invalid))
        {
            return invalid;
        }

        return AccessSaveErrors.From(await unitOfWork.SaveChangesAsync(ct), member) is { } error ? error : member;
    }
}
