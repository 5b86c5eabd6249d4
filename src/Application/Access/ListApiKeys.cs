using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Domain.Access;
using Platform.Domain.Common;

namespace Platform.Application.Access;

/// <summary>Newest first, revoked and expired keys included.</summary>
public sealed record ListApiKeysQuery(string Parent, int PageSize, string? PageToken) : IQuery<Result<ApiKeyPage>>, IValidatable
{
    public Error? Validate() => new Validation().Merge(AccessNames.ApiKeyParent(Parent).Error).Merge(Paging.PageSize(PageSize).Error).ToError();
}

public sealed record ApiKeyPage(IReadOnlyList<ApiKey> Keys, string NextPageToken);

internal sealed class ListApiKeysHandler(IApiKeyRepository keys, ITenantDirectory tenants, IRequestContext context, TimeProvider clock)
    : IQueryHandler<ListApiKeysQuery, Result<ApiKeyPage>>
{
    public async ValueTask<Result<ApiKeyPage>> Handle(ListApiKeysQuery query, CancellationToken ct)
    {
        var tenantId = AccessNames.ApiKeyParent(query.Parent).Value;
        if (AccessRules.CheckScope(context, tenantId) is { } outOfScope)
        {
            return outOfScope;
        }

        var fingerprint = Common.PageToken.Fingerprint(query.Parent);
        if (!Common.PageToken.Decode(query.PageToken, fingerprint).TryGetValue(out var after, out var tokenError))
        {
            return tokenError;
        }

        if (!KeysetCursor.TryParse(after, out var cursor))
        {
            return Common.PageToken.Malformed();
        }

        if (tenantId is not null && await AccessRules.CheckTenantAsync(tenants, tenantId, clock.GetUtcNow().UtcDateTime, ct) is { } missing)
        {
            return missing;
        }

        var size = Paging.PageSize(query.PageSize).Value;
        var rows = await keys.ListAsync(tenantId, cursor?.Time, cursor?.Id, size + 1, ct);
        var page = rows.Take(size).ToList();
        var next = rows.Count > size ? KeysetCursor.Encode(fingerprint, page[^1].CreateTime, page[^1].Id) : "";
        return new ApiKeyPage(page, next);
    }
}
