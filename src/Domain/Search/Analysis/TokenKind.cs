namespace Platform.Domain.Search.Analysis;

/// <summary>What a token was made from; backends may weigh or match kinds differently.</summary>
public enum TokenKind
{
    /// <summary>A run of letters (and digits) of an alphabetic script: lower-cased, accent-folded, stemmed.</summary>
    Word,

    /// <summary>A run of digits only, possibly with decimal points ("3.14"); never stemmed or fuzzy-matched.</summary>
    Number,

    /// <summary>Two adjacent characters of a CJK run (Han, Hiragana, Katakana, Hangul).</summary>
    CjkBigram,

    /// <summary>A CJK character standing alone, which has no neighbour to pair with.</summary>
    CjkUnigram,
}
