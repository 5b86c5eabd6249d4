using Platform.Domain.Common;

namespace Platform.Domain.Search.Analysis;

/// <summary>
/// Which query terms may match with typos, and with how many. Only words qualify: a CJK bigram is two
/// characters, so one edit would match almost anything, and a number one digit off ("2024" for "2025", a
/// different size or model) is a different thing, not a typo. Length is counted in code points of the
/// analyzed (stemmed) term, the form that is compared: "shoes" becomes "shoe" and qualifies, "runs" becomes
/// "run" and does not.
/// </summary>
public sealed class FuzzyTerms
{
    public const int MaxAllowedEdits = 2;
    public const int MaxMinTermLength = TextAnalyzer.MaxTermLength;

    private FuzzyTerms(int minTermLength, int maxEdits) => (MinTermLength, MaxEdits) = (minTermLength, maxEdits);

    /// <summary>One edit for terms of four or more characters: below that, one edit is a quarter of the word or more.</summary>
    public static FuzzyTerms Default { get; } = new(4, 1);

    public static FuzzyTerms Off { get; } = new(4, 0);

    public int MinTermLength { get; }

    /// <summary>0 turns fuzzy matching off. More than two edits matches nearly any short word.</summary>
    public int MaxEdits { get; }

    public static Result<FuzzyTerms> Create(int minTermLength, int maxEdits)
    {
        var validation = new Validation()
            .Check(minTermLength is >= 1 and <= MaxMinTermLength, "min_term_length", $"must be between 1 and {MaxMinTermLength}")
            .Check(maxEdits is >= 0 and <= MaxAllowedEdits, "max_edits", $"must be between 0 and {MaxAllowedEdits}");
        return validation.ToError() is { } error ? error : new FuzzyTerms(minTermLength, maxEdits);
    }

    /// <summary>The edits a term may differ by; 0 when it must match exactly.</summary>
    public int EditsFor(string term, TokenKind kind) =>
        kind == TokenKind.Word && term.EnumerateRunes().Count() >= MinTermLength ? MaxEdits : 0;

    public bool IsEligible(string term, TokenKind kind) => EditsFor(term, kind) > 0;

    /// <summary>Whether an indexed term matches a query term, exactly or within the allowed edits.</summary>
    public bool Matches(string queryTerm, TokenKind kind, string indexedTerm) =>
        queryTerm == indexedTerm || (IsEligible(queryTerm, kind) && EditDistance.Within(queryTerm, indexedTerm, MaxEdits));
}
