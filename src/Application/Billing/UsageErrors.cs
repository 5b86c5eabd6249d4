using Platform.Domain.Common;

namespace Platform.Application.Billing;

/// <summary>The refusals of RecordUsageEvents that are not field-shape violations; each names the event.</summary>
public static class UsageErrors
{
    /// <summary>ALREADY_EXISTS: the key was recorded before with another payload; recording it again would change billed usage.</summary>
    public static Error KeyReused(string key, int index) =>
        Error.Custom(ErrorKind.AlreadyExists, ErrorReasons.ResourceAlreadyExists,
            $"events[{index}]: idempotency key '{key}' was already recorded with a different payload; nothing in this batch was recorded.",
            [new FieldViolation($"events[{index}].idempotency_key", "already recorded with a different payload")],
            new Dictionary<string, string> { ["field"] = $"events[{index}].idempotency_key", ["idempotency_key"] = key });

    /// <summary>FAILED_PRECONDITION: the event falls in a billing period closed more than the grace period ago.</summary>
    public static Error PeriodClosed(string tenantId, int index, TimeSpan grace) =>
        Error.Custom(ErrorKind.PreconditionFailed, ErrorReasons.InvalidState,
            $"events[{index}]: its billing period ended more than {grace.TotalHours:0} hours ago and is closed; nothing in this batch was recorded.",
            [new FieldViolation($"events[{index}].event_time", "is in a closed billing period")],
            new Dictionary<string, string> { ["resource"] = $"tenants/{tenantId}", ["state"] = "PERIOD_CLOSED", ["field"] = $"events[{index}].event_time" });

    /// <summary>FAILED_PRECONDITION: the event falls in a period a finalized (or paid) invoice has billed, which can no longer change.</summary>
    public static Error PeriodInvoiced(string tenantId, int index) =>
        Error.Custom(ErrorKind.PreconditionFailed, ErrorReasons.InvalidState,
            $"events[{index}]: its billing period is billed by a finalized invoice and can no longer change; nothing in this batch was recorded.",
            [new FieldViolation($"events[{index}].event_time", "is in a period billed by a finalized invoice")],
            new Dictionary<string, string> { ["resource"] = $"tenants/{tenantId}", ["state"] = "PERIOD_INVOICED", ["field"] = $"events[{index}].event_time" });
}
