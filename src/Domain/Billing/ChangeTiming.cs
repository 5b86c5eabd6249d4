namespace Platform.Domain.Billing;

/// <summary>When a requested plan change takes effect.</summary>
public enum ChangeTiming
{
    /// <summary>At the moment it is requested; the rest of the period is prorated.</summary>
    Immediately = 1,

    /// <summary>When the current period ends; nothing is prorated.</summary>
    AtPeriodEnd = 2,
}
