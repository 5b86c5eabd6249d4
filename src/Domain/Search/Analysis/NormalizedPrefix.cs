namespace Platform.Domain.Search.Analysis;

/// <summary>
/// A normalized completion prefix: the words already finished and the partial one being typed
/// ("iPhone 15 pr" → ["iphone", "15"] and "pr"). A partial word of <see cref="MinTypoLength"/> or more
/// characters may hold one typo ("iphine" still completes to "iPhone"); shorter ones match too much with a
/// typo allowed. CJK has no word starts, so a CJK partial matches anywhere inside a CJK run ("人民" completes
/// to "中华人民共和国") and exactly, because one edit changes half of a two-character word.
/// </summary>
public sealed record NormalizedPrefix(IReadOnlyList<string> Complete, string Partial, bool PartialIsCjk)
{
    public const int MinTypoLength = 4;

    public static NormalizedPrefix Empty { get; } = new([], "", false);

    public bool IsEmpty => Complete.Count == 0 && Partial.Length == 0;

    public bool ToleratesTypo => !PartialIsCjk && Partial.EnumerateRunes().Count() >= MinTypoLength;

    public bool Matches(string candidate) => Matches(PrefixNormalizer.Segments(candidate));

    /// <summary>Whether the candidate matches without the forgiven typo; exact completions rank first.</summary>
    public bool MatchesExactly(string candidate) => Matches(PrefixNormalizer.Segments(candidate), allowTypo: false);

    /// <summary>
    /// Whether the finished words appear, in order and exactly, at some word of the candidate, and the partial
    /// word begins the word after them.
    /// </summary>
    public bool Matches(IReadOnlyList<string> segments) => Matches(segments, allowTypo: true);

    private bool Matches(IReadOnlyList<string> segments, bool allowTypo)
    {
        if (IsEmpty)
        {
            return false;
        }

        for (var start = 0; start + Complete.Count <= segments.Count; start++)
        {
            var next = start + Complete.Count;
            if (CompleteWordsAt(segments, start) && (Partial.Length == 0 || (next < segments.Count && PartialMatches(segments[next], allowTypo))))
            {
                return true;
            }
        }

        return false;
    }

    private bool CompleteWordsAt(IReadOnlyList<string> segments, int start)
    {
        for (var i = 0; i < Complete.Count; i++)
        {
            if (segments[start + i] != Complete[i])
            {
                return false;
            }
        }

        return true;
    }

    private bool PartialMatches(string segment, bool allowTypo) =>
        PartialIsCjk
            ? segment.Contains(Partial, StringComparison.Ordinal)
            : segment.StartsWith(Partial, StringComparison.Ordinal) || (allowTypo && ToleratesTypo && EditDistance.PrefixWithin(Partial, segment, 1));
}
