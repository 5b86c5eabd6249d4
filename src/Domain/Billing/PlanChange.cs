namespace Platform.Domain.Billing;

/// <summary>A request, made at <paramref name="At"/>, to move the subscription to <paramref name="To"/>.</summary>
public sealed record PlanChange(DateTimeOffset At, PlanPrice To, ChangeTiming Timing);
