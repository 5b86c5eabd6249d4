namespace Platform.Application.Eav.Filtering.Syntax;

public enum Comparator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,

    /// <summary>':' — has: element of a repeated attribute, substring of text, or presence with '*'.</summary>
    Has,
}
