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

        if (!KeysetCursor.TryParse(after, out var cursor))
        {
            return Common.PageToken.Malformed();
        }

        (DateTime, string)? before = cursor is null ? null : (cursor.Time, cursor.Id);

        var size = Paging.PageSize(query.PageSize).Value;
        var rows = await audit.ListAsync(
            new AuditQuery(parent.Scope, parent.TenantId, AuditFilter.Parse(query.Filter).Value, before, size + 1), ct);

        // One extra row tells whether another page exists without a COUNT.
        var page = rows.Take(size).ToList();
        var next = rows.Count > size
            ? KeysetCursor.Encode(fingerprint, page[^1].EventTime, page[^1].Id)
            : "";
        return new AuditEventPage(page, next);
    }
}
