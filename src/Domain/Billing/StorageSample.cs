namespace Platform.Domain.Billing;

/// <summary>Storage in use from <paramref name="At"/> until the next sample.</summary>
public sealed record StorageSample(DateTimeOffset At, long Bytes);
