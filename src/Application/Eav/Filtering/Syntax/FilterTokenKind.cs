namespace Platform.Application.Eav.Filtering.Syntax;

internal enum FilterTokenKind
{
    Word,
    String,
    Number,
    Comparator,
    LeftParen,
    RightParen,
    Minus,
    Star,
    End,
}
