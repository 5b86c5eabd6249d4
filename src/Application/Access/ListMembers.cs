using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Common;
using Platform.Domain.Access;
using Platform.Domain.Common;

namespace Platform.Application.Access;

/// <summary>Oldest first.</summary>
public sealed record ListMembersQuery(string Parent, int PageSize, string? PageToken) : IQuery<Result<MemberPage>>, IValidatable
{
    public Error? Validate() => new Validation().Merge(AccessNames.Tenant(Parent).Error).Merge(Paging.PageSize(PageSize).Error).ToError();
}

public sealed record MemberPage(IReadOnlyList<Member> Members, string NextPageToken);

internal sealed class ListMembersHandler(IMemberRepository members, ITenantDirectory tenants, TimeProvider clock)
    : IQueryHandler<ListMembersQuery, Result<MemberPage>>
{
    public async ValueTask<Result<MemberPage>> Handle(ListMembersQuery query, CancellationToken ct)
    {
        var tenantId = AccessNames.Tenant(query.Parent).Value;
        var fingerprint = Common.PageToken.Fingerprint(query.Parent);
        if (!Common.PageToken.Decode(query.PageToken, fingerprint).TryGetValue(out var after, out var tokenError))
        {
            return tokenError;
        }

        if (!KeysetCursor.TryParse(after, out var cursor))
        {
            return Common.PageToken.Malformed();
        }

        if (await AccessRules.CheckTenantAsync(tenants, tenantId, clock.GetUtcNow().UtcDateTime, ct) is { } missing)
        {
            return missing;
        }

        var size = Paging.PageSize(query.PageSize).Value;
        var rows = await members.ListAsync(tenantId, cursor?.Time, cursor?.Id, size + 1, ct);
        var page = rows.Take(size).ToList();
        var next = rows.Count > size ? KeysetCursor.Encode(fingerprint, page[^1].CreateTime, page[^1].Id) : "";
        return new MemberPage(page, next);
    }
}
