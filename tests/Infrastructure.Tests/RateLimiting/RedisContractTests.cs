using Platform.Application.Abstractions.RateLimiting;
using Platform.Infrastructure.RateLimiting;

namespace Platform.Infrastructure.Tests.RateLimiting;

public sealed class RedisContractTests : RateLimiterContract
{
    protected override IRateLimiter Limiter { get; } = new RedisRateLimiter(TestRedis.Connection, TimeProvider.System);

    protected override DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    // Generous: two cores run the whole suite in parallel.
    protected override TimeSpan Slack => TimeSpan.FromMilliseconds(400);

    protected override WindowCalendar Calendar { get; } = StableCalendar.At(TimeProvider.System.GetUtcNow());

    protected override Task ElapseAsync(TimeSpan span) => Task.Delay(span);
}
