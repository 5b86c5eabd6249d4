using System.Diagnostics;
using Grpc.Core;
using Platform.Domain.Common;

namespace Platform.GrpcHost.Errors;

/// <summary>
/// Turns anything unexpected into INTERNAL with a correlation id and no internals, and logs the
/// exception with that id. RpcExceptions (mapped errors) and client cancellations are not unexpected.
/// </summary>
public static partial class UnexpectedErrors
{
    public static bool IsUnexpected(Exception e, ServerCallContext context) =>
        e is not RpcException && !(e is OperationCanceledException && context.CancellationToken.IsCancellationRequested);

    public static RpcException ToInternal(Exception e, ServerCallContext context, ILogger logger)
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
