namespace Platform.Application.Eav.Filtering;

/// <summary>
/// Bounds on what one filter may ask, so parsing, binding and the generated SQL stay small
/// whatever a client sends. Depth counts nested parentheses and NOTs.
/// </summary>
public static class FilterLimits
{
    public const int MaxLength = 2000;
    public const int MaxDepth = 20;
    public const int MaxComparisons = 50;
    public const int MaxOrderByLength = 500;
    public const int MaxSortKeys = 4;
}
