namespace Platform.Domain.Quota;

/// <summary>What a limit counts over: nothing (an allocation) or a rate window.</summary>
public enum LimitWindow
{
    None = 0,
    Second = 1,
    Hour = 2,
    Day = 3,
    Month = 4,
}
