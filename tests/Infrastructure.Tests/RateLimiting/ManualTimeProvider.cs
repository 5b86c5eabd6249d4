namespace Platform.Infrastructure.Tests.RateLimiting;

/// <summary>A clock that moves only when told to (Microsoft.Extensions.TimeProvider.Testing is not pinned here).</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset now) => _now = now;
}
