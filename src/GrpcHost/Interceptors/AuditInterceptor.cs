using System.Text;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Platform.Application.Abstractions;
using Platform.Domain.Audit;
using Platform.GrpcHost.Security;

namespace Platform.GrpcHost.Interceptors;

/// <summary>
/// Records every mutating call and every denied call (UNAUTHENTICATED, PERMISSION_DENIED) in the
/// audit log. Runs outside authorization so it sees refusals; the log is written in batches, so
/// this adds no database round trip to the call.
/// </summary>
public sealed class AuditInterceptor(IAuditLog log, TimeProvider clock) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            var response = await continuation(request, context);
            Record(context, StatusCode.OK);
            return response;
        }
        catch (RpcException e)
        {
            Record(context, e.StatusCode);
            throw;
        }
        catch (Exception) when (!context.CancellationToken.IsCancellationRequested)
        {
            Record(context, StatusCode.Internal);
            throw;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
            Record(context, StatusCode.OK);
        }
        catch (RpcException e)
        {
            Record(context, e.StatusCode);
            throw;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            var response = await continuation(requestStream, context);
            Record(context, StatusCode.OK);
            return response;
        }
        catch (RpcException e)
        {
            Record(context, e.StatusCode);
            throw;
        }
    }

    private void Record(ServerCallContext context, StatusCode code)
    {
        var http = context.GetHttpContext();
        var audit = http.RequestServices.GetRequiredService<CallAudit>();
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
            http.Connection.RemoteIpAddress?.ToString() ?? ""));
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
