namespace Platform.Application.Eav.Filtering.Syntax;

public enum LiteralKind
{
    /// <summary>Quoted text.</summary>
    String,

    Number,
    Bool,

    /// <summary>An unquoted word, such as an enum value (IN_STOCK).</summary>
    Text,

    /// <summary>'*' after ':' — "has any value".</summary>
    Star,
}
