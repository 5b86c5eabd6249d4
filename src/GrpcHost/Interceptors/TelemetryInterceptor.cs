using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Platform.GrpcHost.Errors;
using Platform.GrpcHost.Observability;

namespace Platform.GrpcHost.Interceptors;

/// <summary>
/// Outermost interceptor: one structured log line and one metric sample per call, with the
/// method, tenant, final status and duration — the same for gRPC, REST and gRPC-Web — and the one
/// place where unexpected exceptions become INTERNAL (see <see cref="UnexpectedErrors"/>). One
/// interceptor instead of two: every layer is an extra async frame on every call.
/// </summary>
public sealed partial class TelemetryInterceptor(ILogger<TelemetryInterceptor> logger, RpcMetrics metrics) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        var code = StatusCode.OK;
        try
        {
            return await continuation(request, context);
        }
        catch (RpcException e)
        {
            code = e.StatusCode;
            throw;
        }
        catch (Exception e) when (UnexpectedErrors.IsUnexpected(e, context))
        {
            code = StatusCode.Internal;
            throw UnexpectedErrors.ToInternal(e, context, logger);
        }
        finally
        {
            Complete(context, code, started);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        var code = StatusCode.OK;
        try
        {
            return await continuation(requestStream, context);
        }
        catch (RpcException e)
        {
            code = e.StatusCode;
            throw;
        }
        catch (Exception e) when (UnexpectedErrors.IsUnexpected(e, context))
        {
            code = StatusCode.Internal;
            throw UnexpectedErrors.ToInternal(e, context, logger);
        }
        finally
        {
            Complete(context, code, started);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        var code = StatusCode.OK;
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (RpcException e)
        {
            code = e.StatusCode;
            throw;
        }
        catch (Exception e) when (UnexpectedErrors.IsUnexpected(e, context))
        {
            code = StatusCode.Internal;
            throw UnexpectedErrors.ToInternal(e, context, logger);
        }
        finally
        {
            Complete(context, code, started);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        var code = StatusCode.OK;
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (RpcException e)
        {
            code = e.StatusCode;
            throw;
        }
        catch (Exception e) when (UnexpectedErrors.IsUnexpected(e, context))
        {
            code = StatusCode.Internal;
            throw UnexpectedErrors.ToInternal(e, context, logger);
        }
        finally
        {
            Complete(context, code, started);
        }
    }

    private void Complete(ServerCallContext context, StatusCode code, long started)
    {
        var elapsed = Stopwatch.GetElapsedTime(started);
        // A call the client abandoned was not answered OK, whatever the handler did.
        if (code == StatusCode.OK && context.CancellationToken.IsCancellationRequested)
        {
            code = StatusCode.Cancelled;
        }

        var method = context.Method;
        var tenant = context.GetHttpContext().RequestServices.GetService<Platform.Application.Abstractions.Security.RequestContext>()?.TenantId ?? "";
        var codeName = code.ToString();
        metrics.Record(method, codeName, tenant, elapsed.TotalSeconds);
        if (code == StatusCode.OK)
        {
            LogCompleted(logger, method, tenant, codeName, elapsed.TotalMilliseconds);
        }
        else
        {
            LogFailed(logger, method, tenant, codeName, elapsed.TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "RPC {Method} tenant={Tenant} status={Status} in {ElapsedMs:0.0} ms")]
    private static partial void LogCompleted(ILogger logger, string method, string tenant, string status, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RPC {Method} tenant={Tenant} status={Status} in {ElapsedMs:0.0} ms")]
    private static partial void LogFailed(ILogger logger, string method, string tenant, string status, double elapsedMs);
}
