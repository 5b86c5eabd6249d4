using System.Security.Cryptography;
using System.Text;
using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Domain.Access;
using Platform.Domain.Common;

namespace Platform.Application.Access;

/// <param name="MemberId">AIP-122 id; null to have one generated.</param>
public sealed record CreateMemberCommand(
    string Parent, string? MemberId, string Subject, string Issuer, string DisplayName, IReadOnlyList<string> Roles, string? RequestId)
    : ICommand<Result<Member>>, IValidatable
{
    public Error? Validate()
    {
        var v = new Validation().Merge(AccessNames.Tenant(Parent).Error)
            .Check(MemberId is null || ResourceIds.IsValid(MemberId), "member_id", "must match [a-z][a-z0-9-]{1,62} and not end with '-'");
        RequestIds.Check(v, RequestId);
        return v.ToError();
    }

    internal string Fingerprint() => PageToken.Fingerprint(new StringBuilder().Append(Parent).Append('|').Append(MemberId).Append('|')
        .Append(Subject).Append('|').Append(Issuer).Append('|').Append(DisplayName).Append('|').AppendJoin(',', Roles).ToString());

    /// <summary>"m-" and 12 hex characters: 48 random bits, ample within one tenant.</summary>
    internal static string NewId() => "m-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
}

internal sealed class CreateMemberHandler(
    IMemberRepository members,
    ITenantDirectory tenants,
    IRoleResolver roles,
    IRequestContext context,
    IIdempotencyStore idempotency,
    Quota.Allocations allocations,
    TimeProvider clock) : ICommandHandler<CreateMemberCommand, Result<Member>>
{
    private const string Method = "CreateMember";

    public async ValueTask<Result<Member>> Handle(CreateMemberCommand command, CancellationToken ct)
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

        var id = command.MemberId ?? CreateMemberCommand.NewId();
        if (!Member.Create(tenantId, id, command.Subject, command.Issuer, command.DisplayName, command.Roles, now).TryGetValue(out var member, out var invalid))
        {
            return invalid;
        }

        if (await AccessRules.CheckGrantAsync(context, roles, tenantId, command.Roles, "member.roles", ct) is { } refused)
        {
            return refused;
        }

        if (await members.FindAsync(tenantId, id, ct) is not null)
        {
            return Error.AlreadyExists(member.ResourceName);
        }

        members.Add(member);
        if (command.RequestId is { } key)
        {
            idempotency.Add(new IdempotencyRecord(scope, key, command.Fingerprint(), member.ResourceName, now));
        }

        var (overQuota, outcome) = await allocations.SaveAcquiringAsync(tenantId, Domain.Quota.Metrics.Members, 1, ct);
        if (overQuota is not null)
        {
            return overQuota;
        }

        if (outcome is { Status: SaveStatus.UniqueViolation, Constraint: Constraints.IdempotencyKey } &&
            await ReplayAsync(scope, command.RequestId!, command.Fingerprint(), ct) is { } raced)
        {
            return raced; // A concurrent retry committed first: answer as it did.
        }

        return AccessSaveErrors.From(outcome, member) is { } error ? error : member;
    }

    private Task<Result<Member>?> ReplayAsync(string scope, string requestId, string fingerprint, CancellationToken ct) =>
        idempotency.ReplayAsync(scope, requestId, fingerprint, Method, async resource =>
        {
            var name = AccessNames.Member(resource).Value;
            return await members.FindAsync(name.TenantId, name.Id, ct) is { } member ? member : Result<Member>.Failure(Error.NotFound(resource));
        }, ct);
}
