namespace Platform.Client;

/// <summary>How to reach and authenticate against a Platform deployment.</summary>
public sealed class PlatformClientOptions
{
    /// <summary>
    /// Base address of the gRPC endpoint, e.g. <c>https://api.example.com</c>. Required.
    /// Nullable only so the options type works with the options pattern and configuration binding.
    /// </summary>
    public Uri? Address { get; set; }

    /// <summary>A static API key, sent as <c>authorization: Bearer &lt;key&gt;</c> on every call.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Supplies a bearer token per call (e.g. from an OAuth token cache). Awaited before each call is
    /// sent; the provider is expected to cache and refresh tokens itself. Mutually exclusive with
    /// <see cref="ApiKey"/>.
    /// </summary>
    public Func<CancellationToken, ValueTask<string>>? TokenProvider { get; set; }

    /// <summary>
    /// Use gRPC-Web (binary) over HTTP/1.1 instead of native gRPC over HTTP/2, for networks whose
    /// proxies or load balancers only speak HTTP/1.1.
    /// </summary>
    public bool UseGrpcWeb { get; set; }

    /// <summary>
    /// Optional transport, e.g. a TestServer handler in tests. The caller keeps ownership: the SDK
    /// never disposes it.
    /// </summary>
    public HttpMessageHandler? HttpHandler { get; set; }

    /// <summary>Extra metadata sent on every call (keys are case-insensitive, sent lower-case).</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
}
