using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Platform.Domain.Common;
using Platform.GrpcHost.Errors;

namespace Platform.GrpcHost.Interceptors;

/// <summary>
/// Turns anything unexpected into INTERNAL with a correlation id and no internals, and logs the
/// exception with that id. RpcExceptions (mapped errors) pass through untouched.
/// </summary>
public sealed partial class ExceptionInterceptor(ILogger<ExceptionInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (IsUnexpected(e, context))
        {
            throw Internal(e, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception e) when (IsUnexpected(e, context))
        {
            throw Internal(e, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (IsUnexpected(e, context))
        {
            throw Internal(e, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception e) when (IsUnexpected(e, context))
        {
            throw Internal(e, context);
        }
    }

    // A cancelled call is the client's doing, not a server fault.
    private static bool IsUnexpected(Exception e, ServerCallContext context) =>
        e is not RpcException && !(e is OperationCanceledException && context.CancellationToken.IsCancellationRequested);

    private RpcException Internal(Exception e, ServerCallContext context)
    {
        var reference = Activity.Current?.TraceId.ToString() ?? context.GetHttpContext().TraceIdentifier;
        LogUnexpected(logger, e, context.Method, reference);
        return ErrorMapper.ToRpcException(Error.Custom(ErrorKind.Internal, ErrorReasons.InternalError,
            $"An internal error occurred. Reference: {reference}.",
            metadata: new Dictionary<string, string> { ["reference"] = reference }));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception in {Method} (reference {Reference})")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string method, string reference);
}
