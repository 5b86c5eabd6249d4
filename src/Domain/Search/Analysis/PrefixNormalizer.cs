namespace Platform.Domain.Search.Analysis;

/// <summary>
/// Normalizes what a user has typed so far, and the values it completes to, the way the analyzer does
/// (NFKC, lower case, accents folded) but without stems, which would cut the word being typed ("runn" is not
/// a stem of anything) and without bigrams, which a one-character CJK prefix could never match: a CJK run is
/// kept whole.
/// </summary>
public static class PrefixNormalizer
{
    public static NormalizedPrefix Normalize(string prefix)
    {
        var runs = Runs.Of(prefix);
        if (runs.Count == 0)
        {
            return NormalizedPrefix.Empty;
        }

        // Anything typed after the last word (a space, a comma) means that word is finished.
        var lastIsOpen = runs[^1].End == prefix.Length;
        var complete = runs.Take(lastIsOpen ? runs.Count - 1 : runs.Count).Select(r => r.Text).ToList();
        return lastIsOpen
            ? new NormalizedPrefix(complete, runs[^1].Text, runs[^1].Kind == RunKind.Cjk)
            : new NormalizedPrefix(complete, "", false);
    }

    /// <summary>A value to complete to, as the words and whole CJK runs a prefix is compared with.</summary>
    public static IReadOnlyList<string> Segments(string text) => [.. Runs.Of(text).Select(r => r.Text)];
}
