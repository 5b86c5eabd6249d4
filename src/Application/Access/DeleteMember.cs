using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Common;
using Platform.Domain.Access;
using Platform.Domain.Common;

namespace Platform.Application.Access;

/// <summary>Deletes a member; returns what was deleted (the API answers Empty).</summary>
public sealed record DeleteMemberCommand(string Name, string? Etag) : ICommand<Result<Member>>, IValidatable
{
    public Error? Validate() => AccessNames.Member(Name).Error;
}

internal sealed class DeleteMemberHandler(IMemberRepository members, Quota.Allocations allocations) : ICommandHandler<DeleteMemberCommand, Result<Member>>
{
    public async ValueTask<Result<Member>> Handle(DeleteMemberCommand command, CancellationToken ct)
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

        members.Remove(member);
        var outcome = await allocations.SaveReleasingAsync(name.TenantId, Domain.Quota.Metrics.Members, 1, ct);
        return AccessSaveErrors.From(outcome, member) is { } error ? error : member;
    }
}
