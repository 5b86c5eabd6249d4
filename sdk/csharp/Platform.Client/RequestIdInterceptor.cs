using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Platform.Client;

/// <summary>
/// Fills an empty <c>request_id</c> field with <see cref="RequestIds.New"/> before a request is sent,
/// so every mutation is idempotent without callers having to remember it.
/// </summary>
/// <remarks>
/// The id is written into the caller's own request object on purpose: retrying the same object
/// then sends the same id and the server returns the first call's result instead of acting twice.
/// To make a genuinely new request, send a new object (or clear <c>request_id</c>). Sending one
/// request object from several threads at once is not supported, as with any protobuf message.
/// Client-streaming calls are left alone: they have no single request to key.
/// </remarks>
public sealed class RequestIdInterceptor : Interceptor
{
    private const string FieldName = "request_id";

    /// <inheritdoc />
    public override TResponse BlockingUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        EnsureRequestId(request);
        return continuation(request, context);
    }

    /// <inheritdoc />
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        EnsureRequestId(request);
        return continuation(request, context);
    }

    /// <inheritdoc />
    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        ArgumentNullException.ThrowIfNull(continuation);
        EnsureRequestId(request);
        return continuation(request, context);
    }

    /// <summary>Sets <c>request_id</c> when the message has such a string field and it is empty.</summary>
    /// <returns>Whether an id was assigned.</returns>
    public static bool EnsureRequestId(object? request)
    {
        if (request is not IMessage message)
        {
            return false;
        }

        var field = message.Descriptor.FindFieldByName(FieldName);
        if (field is null || field.FieldType != FieldType.String || field.IsRepeated)
        {
            return false;
        }

        if (field.Accessor.GetValue(message) is string { Length: > 0 })
        {
            return false;
        }

        field.Accessor.SetValue(message, RequestIds.New());
        return true;
    }
}
