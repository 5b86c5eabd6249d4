namespace Platform.Application.Eav.Filtering.Bound;

/// <summary>Bound comparisons; '!=' is bound as NOT '=' so every layer has one rule for missing values.</summary>
public enum CompareOp
{
    Equal,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
