namespace Platform.Domain.Search.Analysis;

/// <summary>
/// Bounded Damerau-Levenshtein distance in its optimal-string-alignment form: insertions, deletions,
/// substitutions and swaps of two adjacent characters, no character edited twice. It counts code points, so an
/// emoji or a rare ideograph is one character, not two. Bounded because search only asks "within k?", which
/// lets the work stop as soon as a whole row of the table exceeds k.
/// </summary>
public static class EditDistance
{
    /// <summary>Whether <paramref name="a"/> and <paramref name="b"/> are equal or one edit apart ("shoe"/"shoes", "form"/"from").</summary>
    public static bool AtMostOne(string a, string b) => Within(a, b, 1);

    public static bool Within(string a, string b, int maxEdits) => Bounded(a, b, maxEdits) <= maxEdits;

    /// <summary>The distance, or <paramref name="max"/> + 1 for anything further.</summary>
    public static int Bounded(string a, string b, int max) => Distance(CodePoints(a), CodePoints(b), max, prefixOfB: false);

    /// <summary>
    /// Whether some prefix of <paramref name="candidate"/> is within <paramref name="maxEdits"/> of
    /// <paramref name="prefix"/>: what a user has typed so far, typo included ("iphin" → "iphone").
    /// </summary>
    public static bool PrefixWithin(string prefix, string candidate, int maxEdits) =>
        Distance(CodePoints(prefix), CodePoints(candidate), maxEdits, prefixOfB: true) <= maxEdits;

    private static int Distance(int[] a, int[] b, int max, bool prefixOfB)
    {
        if (prefixOfB)
        {
            // Characters of the candidate past |prefix| + max can never be part of a match.
            b = b.Length > a.Length + max ? b[..(a.Length + max)] : b;
        }
        else if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        // Three rows: the current one, the one before, and the one before that for swaps.
        var (older, previous, current) = (new int[b.Length + 1], new int[b.Length + 1], new int[b.Length + 1]);
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d = Math.Min(d, older[j - 2] + 1);
                }

                current[j] = d;
                rowMin = Math.Min(rowMin, d);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            (older, previous, current) = (previous, current, older);
        }

        // After the loop the last row computed is "previous". A prefix match may end at any column.
        var distance = prefixOfB ? previous.Min() : previous[b.Length];
        return Math.Min(distance, max + 1);
    }

    private static int[] CodePoints(string text) => [.. text.EnumerateRunes().Select(r => r.Value)];
}
