using System.Text;
using Grpc.Core;
using Platform.Application.Abstractions;
using Platform.Domain.Audit;

namespace Platform.GrpcHost.Security;

/// <summary>
/// Turns a finished call into an audit event when it mutated something or was denied
/// (UNAUTHENTICATED, PERMISSION_DENIED). The log writes in batches, off the call's path.
/// </summary>
public sealed class AuditRecorder(IAuditLog log, TimeProvider clock)
{
    public void Record(CallAudit audit, ServerCallContext context, StatusCode code)
    {
        var denied = code is StatusCode.Unauthenticated or StatusCode.PermissionDenied;
        if (!audit.Audited || !(audit.Mutating || denied))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        log.Record(new AuditEvent(
            Guid.CreateVersion7(now).ToString("N"),
            audit.TenantId,
            Domain.Common.Clock.Truncate(now),
            audit.Principal,
            context.Method,
            audit.Resource,
            audit.RequestId,
            UpperSnake(code),
            audit.Reason,
            context.GetHttpContext().Connection.RemoteIpAddress?.ToString() ?? ""));
    }

    /// <summary>PermissionDenied → PERMISSION_DENIED, the canonical code name.</summary>
    public static string UpperSnake(StatusCode code)
    {
        var name = code.ToString();
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && char.IsLower(name[i - 1]))
            {
                sb.Append('_');
            }

            sb.Append(char.ToUpperInvariant(name[i]));
        }

        return sb.ToString();
    }
}
