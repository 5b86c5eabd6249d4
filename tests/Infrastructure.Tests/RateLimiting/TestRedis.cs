using StackExchange.Redis;

namespace Platform.Infrastructure.Tests.RateLimiting;

/// <summary>
/// The real Redis server that scripts/test.sh starts (PLATFORM_TEST_REDIS=host:port). Without it the
/// tests fail: they never fall back to a fake.
/// </summary>
public static class TestRedis
{
    private static readonly Lazy<ConnectionMultiplexer> Shared = new(() => Connect());

    public static string Endpoint =>
        Environment.GetEnvironmentVariable("PLATFORM_TEST_REDIS") is { Length: > 0 } endpoint
            ? endpoint
            : throw new InvalidOperationException(
                "PLATFORM_TEST_REDIS is not set. Run ./scripts/test.sh, or ./scripts/dev-services.sh and export what it prints.");

    public static ConnectionMultiplexer Connection => Shared.Value;

    /// <summary>A separate connection, as a separate host would have.</summary>
    public static ConnectionMultiplexer Connect(string? endpoint = null) =>
        ConnectionMultiplexer.Connect(new ConfigurationOptions { EndPoints = { endpoint ?? Endpoint }, AbortOnConnectFail = false });

    public static string NewKey() => $"test-{Guid.NewGuid():N}";
}
