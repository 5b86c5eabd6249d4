using System.Globalization;
using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Domain.Audit;
using Platform.Domain.Common;

namespace Platform.Application.Audit;

public sealed record ListAuditEventsQuery(string Parent, int PageSize, string? PageToken, string? Filter)
    : IQuery<Result<AuditEventPage>>, IValidatable
{
    public Error? Validate() => new Validation()
        .Merge(AuditParent.Parse(Parent).Error)
        .Merge(Paging.PageSize(PageSize).Error)
        .Merge(AuditFilter.Parse(Filter).Error)
        .ToError();
}

public sealed record AuditEventPage(IReadOnlyList<AuditEvent> Events, string NextPageToken);

internal sealed class ListAuditEventsHandler(IAuditRepository audit, IRequestContext context)
    : IQueryHandler<ListAuditEventsQuery, Result<AuditEventPage>>
{
    public async ValueTask<Result<AuditEventPage>> Handle(ListAuditEventsQuery query, CancellationToken ct)
    {
        var parent = AuditParent.Parse(query.Parent).Value;
        if (parent.Authorize(context.Principal, "audit.list") is { } denied)
        {
            return denied;
        }

        var fingerprint = Common.PageToken.Fingerprint(query.Parent, query.Filter ?? "");
        if (!Common.PageToken.Decode(query.PageToken, fingerprint).TryGetValue(out var after, out var tokenError))
        {
            return tokenError;
        }

        (DateTime, string)? before = null;
        if (after is not null)
        {
            if (after is not [var time, var id] || !long.TryParse(time, CultureInfo.InvariantCulture, out var ticks)
                || ticks < 0 || ticks > DateTime.MaxValue.Ticks)
            {
                return Common.PageToken.Malformed();
            }

            before = (new DateTime(ticks, DateTimeKind.Utc), id);
        }

        var size = Paging.PageSize(query.PageSize).Value;
        var rows = await audit.ListAsync(
            new AuditQuery(parent.Scope, parent.TenantId, AuditFilter.Parse(query.Filter).Value, before, size + 1), ct);

        // One extra row tells whether another page exists without a COUNT.
        var page = rows.Take(size).ToList();
        var next = rows.Count > size
            ? Common.PageToken.Encode(fingerprint, [page[^1].EventTime.Ticks.ToString(CultureInfo.InvariantCulture), page[^1].Id])
            : "";
        return new AuditEventPage(page, next);
    }
}
