using Grpc.Net.Client;
using Grpc.Net.Client.Web;

namespace Platform.Client;

/// <summary>Transport decisions shared by <see cref="PlatformClient"/> and the DI registration.</summary>
internal static class ChannelSetup
{
    public static Uri Validate(PlatformClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var address = options.Address
            ?? throw new InvalidOperationException("PlatformClientOptions.Address is required.");
        if (!address.IsAbsoluteUri || (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"PlatformClientOptions.Address must be an absolute http or https URI, got '{address}'.");
        }

        if (options.ApiKey is not null && options.TokenProvider is not null)
        {
            throw new InvalidOperationException("Set either PlatformClientOptions.ApiKey or TokenProvider, not both.");
        }

        // Two authorization headers would be rejected or, worse, resolved differently by each proxy.
        if ((options.ApiKey is not null || options.TokenProvider is not null) && options.Headers.ContainsKey("authorization"))
        {
            throw new InvalidOperationException("PlatformClientOptions.Headers must not contain 'authorization' when ApiKey or TokenProvider is set.");
        }

        return address;
    }

    /// <summary>
    /// Grpc.Net.Client silently drops call credentials on http:// channels. The token provider is
    /// applied as call credentials, so on a plain-text address (local h2c hosts, TestServer) the
    /// caller has already chosen plain text and the token would otherwise just be missing.
    /// </summary>
    public static bool AllowInsecureCallCredentials(PlatformClientOptions options) =>
        options.TokenProvider is not null && options.Address?.Scheme == Uri.UriSchemeHttp;

    /// <summary>
    /// The handler the channel sends through, or null to let the channel build its own default
    /// (a SocketsHttpHandler tuned for HTTP/2). <paramref name="ownsHandler"/> tells whether the
    /// result may be disposed with the channel.
    /// </summary>
    public static HttpMessageHandler? CreateHandler(PlatformClientOptions options, out bool ownsHandler)
    {
        // Shield the caller's handler from disposal: the channel or the HTTP client factory would
        // otherwise dispose it (the factory does so every time it rotates handlers).
        HttpMessageHandler? inner = options.HttpHandler is null ? null : new NonDisposingHandler(options.HttpHandler);
        if (!options.UseGrpcWeb)
        {
            ownsHandler = inner is not null;
            return inner;
        }

        ownsHandler = true;
        return new GrpcWebHandler(GrpcWebMode.GrpcWeb, inner ?? new SocketsHttpHandler());
    }

    /// <summary>Channel settings that follow from the options, for both construction paths.</summary>
    public static void Configure(GrpcChannelOptions channel, PlatformClientOptions options)
    {
        channel.UnsafeUseInsecureChannelCallCredentials = AllowInsecureCallCredentials(options);
        if (options.UseGrpcWeb)
        {
            // The point of gRPC-Web here is to cross HTTP/1.1-only hops. The channel otherwise demands
            // exactly HTTP/2, which an HTTP/1.1 endpoint over http:// cannot answer; over https,
            // "or higher" still lets ALPN pick HTTP/2 where available.
            channel.HttpVersion = System.Net.HttpVersion.Version11;
            channel.HttpVersionPolicy = HttpVersionPolicy.RequestVersionOrHigher;
        }
    }

    public static GrpcChannelOptions ChannelOptions(PlatformClientOptions options)
    {
        var channel = new GrpcChannelOptions { HttpHandler = CreateHandler(options, out var ownsHandler) };
        channel.DisposeHttpClient = ownsHandler;
        Configure(channel, options);
        return channel;
    }
}
