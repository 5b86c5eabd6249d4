using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Platform.Client;

/// <summary>
/// Adds the configured headers and credentials to every call. Static values (API key, extra
/// headers) go straight into the metadata; a token provider is asynchronous, which an interceptor
/// cannot await without blocking, so it is attached as per-call <see cref="CallCredentials"/> that
/// Grpc.Net.Client awaits before sending.
/// </summary>
internal sealed class CredentialsInterceptor : Interceptor
{
    private readonly KeyValuePair<string, string>[] _headers;
    private readonly CallCredentials? _tokenCredentials;

    public CredentialsInterceptor(PlatformClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var headers = options.Headers.ToList();
        if (options.ApiKey is { } apiKey)
        {
            headers.Add(new("authorization", "Bearer " + apiKey));
        }

        _headers = [.. headers];
        if (options.TokenProvider is { } provider)
        {
            _tokenCredentials = CallCredentials.FromInterceptor(async (context, metadata) =>
            {
                var token = await provider(context.CancellationToken).ConfigureAwait(false);
                metadata.Add("authorization", "Bearer " + token);
            });
        }
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, Decorate(context));

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, Decorate(context));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, Decorate(context));

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(Decorate(context));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(Decorate(context));

    private ClientInterceptorContext<TRequest, TResponse> Decorate<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class
        where TResponse : class
    {
        if (_headers.Length == 0 && _tokenCredentials is null)
        {
            return context;
        }

        // Copy rather than append: callers often reuse one Metadata instance across calls, and
        // appending would stack duplicate headers onto it.
        var metadata = new Metadata();
        if (context.Options.Headers is { } callerHeaders)
        {
            foreach (var entry in callerHeaders)
            {
                metadata.Add(entry);
            }
        }

        foreach (var (key, value) in _headers)
        {
            metadata.Add(key, value);
        }

        var options = context.Options.WithHeaders(metadata);
        if (_tokenCredentials is not null)
        {
            options = options.WithCredentials(context.Options.Credentials is { } callerCredentials
                ? CallCredentials.Compose(callerCredentials, _tokenCredentials)
                : _tokenCredentials);
        }

        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options);
    }
}
