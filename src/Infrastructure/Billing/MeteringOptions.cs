namespace Platform.Infrastructure.Billing;

/// <summary><c>Platform:Billing:Metering</c>.</summary>
public sealed class MeteringOptions
{
    public const string Section = "Platform:Billing:Metering";

    /// <summary>How often each host writes its API call counts to the outbox; a hard crash loses at most this much counting.</summary>
    public int FlushMilliseconds { get; set; } = 1000;

    /// <summary>How far ahead of the server's clock an event may be.</summary>
    public int FutureSkewSeconds { get; set; } = 300;

    /// <summary>How long after its billing period ends an event is still accepted.</summary>
    public int GraceHours { get; set; } = 72;
}
