using System.Globalization;
using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Tenancy;

namespace Platform.Application.Tenancy;

public sealed record ListTenantsQuery(int PageSize, string? PageToken, string? Filter, string? OrderBy, bool ShowDeleted)
    : IQuery<Result<TenantPage>>;

public sealed record TenantPage(IReadOnlyList<Tenant> Tenants, string NextPageToken);

internal sealed class ListTenantsHandler(ITenantRepository tenants, TimeProvider clock)
    : IQueryHandler<ListTenantsQuery, Result<TenantPage>>
{
    public async ValueTask<Result<TenantPage>> Handle(ListTenantsQuery query, CancellationToken ct)
    {
        var v = new Validation();
        var size = Paging.PageSize(query.PageSize);
        var filter = TenantFilter.Parse(query.Filter);
        var descending = ParseOrder(query.OrderBy, v);
        v.Merge(size.Error).Merge(filter.Error);
        if (v.ToError() is { } invalid)
        {
            return invalid;
        }

        var fingerprint = Common.PageToken.Fingerprint(query.Filter ?? "", query.OrderBy ?? "", query.ShowDeleted.ToString());
        var key = Common.PageToken.Decode(query.PageToken, fingerprint);
        if (!key.TryGetValue(out var after, out var tokenError))
        {
            return tokenError;
        }

        if (!KeysetCursor.TryParse(after, out var cursor))
        {
            return Common.PageToken.Malformed();
        }

        var position = cursor is null ? null : new TenantCursor(cursor.Time, cursor.Id);
        var spec = new TenantListSpec(filter.Value, descending, query.ShowDeleted, position, size.Value + 1, clock.GetUtcNow().UtcDateTime);
        var rows = await tenants.ListAsync(spec, ct);

        // One extra row tells whether another page exists without a COUNT.
        var page = rows.Take(size.Value).ToList();
        var next = rows.Count > size.Value
            ? KeysetCursor.Encode(fingerprint, page[^1].CreateTime, page[^1].Id.Value)
            : "";
        return new TenantPage(page, next);
    }

    private static bool ParseOrder(string? orderBy, Validation v)
    {
        var normalized = string.Join(' ', (orderBy ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        switch (normalized)
        {
            case "" or "create_time" or "create_time asc":
                return false;
            case "create_time desc":
                return true;
            default:
                v.Add("order_by", "must be 'create_time' or 'create_time desc'");
                return false;
        }
    }
}
