namespace Platform.Infrastructure.Outbox;

/// <summary><c>Platform:Outbox</c>: how the background worker drains the outbox.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Platform:Outbox";

    /// <summary>How often the worker looks for work when nobody woke it.</summary>
    public int PollMilliseconds { get; set; } = 1000;

    public int BatchSize { get; set; } = 100;

    /// <summary>Deliveries tried before a message is parked.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The first retry waits this long; each further one twice as long (with jitter), up to <see cref="MaxDelaySeconds"/>.</summary>
    public int BaseDelayMilliseconds { get; set; } = 500;

    public int MaxDelaySeconds { get; set; } = 300;

    /// <summary>How long a claimed message is hidden from other workers; a crashed worker's claims expire after it.</summary>
    public int LockSeconds { get; set; } = 60;

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1, jittered by ±20% so failing messages do not retry in lockstep.</summary>
    public TimeSpan Backoff(int attempt, double jitter)
    {
        var exponential = BaseDelayMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var capped = Math.Min(exponential, MaxDelaySeconds * 1000.0);
        return TimeSpan.FromMilliseconds(capped * (0.8 + (0.4 * jitter)));
    }
}
