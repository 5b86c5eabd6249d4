using Platform.Application.Abstractions.RateLimiting;
using Platform.Infrastructure.RateLimiting;

namespace Platform.Infrastructure.Tests.RateLimiting;

public sealed class InProcessContractTests : RateLimiterContract
{
    private readonly ManualTimeProvider _clock = new(new DateTimeOffset(2026, 3, 10, 10, 20, 0, TimeSpan.Zero));

    public InProcessContractTests() => Limiter = new InProcessRateLimiter(_clock);

    protected override IRateLimiter Limiter { get; }

    protected override DateTimeOffset Now => _clock.GetUtcNow();

    protected override TimeSpan Slack => TimeSpan.Zero;

    protected override WindowCalendar Calendar => WindowCalendar.Utc;

    protected override Task ElapseAsync(TimeSpan span)
    {
        _clock.Advance(span);
        return Task.CompletedTask;
    }
}
