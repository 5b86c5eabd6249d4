using System.Text.RegularExpressions;
using Mediator;
using Platform.Application.Abstractions.Operations;
using Platform.Application.Abstractions.Security;
using Platform.Application.Access;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Operations;

/// <param name="Name">The tenant, <c>tenants/{tenant}</c> (the collection's parent, as google.longrunning names it).</param>
/// <param name="Filter">Empty, <c>done = true</c> or <c>done = false</c>.</param>
public sealed partial record ListOperationsQuery(string Name, string? Filter, int PageSize, string? PageToken) : IQuery<Result<OperationPage>>, IValidatable
{
    public Error? Validate() => new Validation()
        .Merge(AccessNames.Tenant(Name, "name").Error)
        .Check(string.IsNullOrWhiteSpace(Filter) || DoneFilter().IsMatch(Filter), "filter", "must be empty, 'done = true' or 'done = false'")
        .Merge(Paging.PageSize(PageSize).Error)
        .ToError();

    /// <summary>The done state the filter asks for; null for every operation.</summary>
    public bool? Done => string.IsNullOrWhiteSpace(Filter) ? null : DoneFilter().Match(Filter).Groups[1].Value == "true";

    [GeneratedRegex(@"^\s*done\s*=\s*(true|false)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DoneFilter();
}

public sealed record OperationPage(IReadOnlyList<OperationRecord> Operations, string NextPageToken);

internal sealed class ListOperationsHandler(IOperationStore operations, IRequestContext context) : IQueryHandler<ListOperationsQuery, Result<OperationPage>>
{
    public async ValueTask<Result<OperationPage>> Handle(ListOperationsQuery query, CancellationToken ct)
    {
        var tenantId = AccessNames.Tenant(query.Name, "name").Value;
        if (AccessRules.CheckScope(context, tenantId) is { } outOfScope)
        {
            return outOfScope;
        }

        var fingerprint = PageToken.Fingerprint("operations", query.Name, query.Done?.ToString() ?? "");
        if (!PageToken.Decode(query.PageToken, fingerprint).TryGetValue(out var key, out var tokenError))
        {
            return tokenError;
        }

        if (!KeysetCursor.TryParse(key, out var cursor))
        {
            return PageToken.Malformed();
        }

        var size = Paging.PageSize(query.PageSize).Value;
        var rows = await operations.ListAsync(tenantId, query.Done, cursor is null ? null : (cursor.Time, cursor.Id), size + 1, ct);
        var page = rows.Take(size).ToList();
        return new OperationPage(page, rows.Count > size ? KeysetCursor.Encode(fingerprint, page[^1].CreateTime, page[^1].Id) : "");
    }
}
