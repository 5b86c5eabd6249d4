using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Domain.Audit;
using Platform.Domain.Common;

namespace Platform.Application.Audit;

/// <param name="Name"><c>tenants/{tenant}/auditEvents/{id}</c> or <c>platform/auditEvents/{id}</c>.</param>
public sealed record GetAuditEventQuery(string Name) : IQuery<Result<AuditEvent>>, IValidatable
{
    private const string Collection = "/auditEvents/";

    public Error? Validate() => Parse(Name).Error;

    internal static Result<(AuditParent Parent, string Id)> Parse(string? name)
    {
        var at = name?.LastIndexOf(Collection, StringComparison.Ordinal) ?? -1;
        // Ids are generated (UUIDv7, hex); anything else cannot exist, so it is a malformed name.
        if (at < 0 || name![(at + Collection.Length)..] is not { Length: > 0 and <= 64 } id || !id.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return Error.Validation("name", "must be tenants/{tenant}/auditEvents/{id} or platform/auditEvents/{id}");
        }

        var parent = AuditParent.Parse(name[..at], "name");
        return parent.IsSuccess && parent.Value.Scope != AuditScope.AllTenants
            ? (parent.Value, id)
            : Error.Validation("name", "must be tenants/{tenant}/auditEvents/{id} or platform/auditEvents/{id}");
    }
}

internal sealed class GetAuditEventHandler(IAuditRepository audit, IRequestContext context)
    : IQueryHandler<GetAuditEventQuery, Result<AuditEvent>>
{
    public async ValueTask<Result<AuditEvent>> Handle(GetAuditEventQuery query, CancellationToken ct)
    {
        var (parent, id) = GetAuditEventQuery.Parse(query.Name).Value;
        if (parent.Authorize(context.Principal, "audit.get") is { } denied)
        {
            return denied;
        }

        return await audit.FindAsync(parent.TenantId, id, ct) is { } found ? found : Error.NotFound(query.Name);
    }
}
