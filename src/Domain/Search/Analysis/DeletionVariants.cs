using System.Text;

namespace Platform.Domain.Search.Analysis;

/// <summary>
/// Typo tolerance without a trigram extension: a word and every form of it with one character
/// removed. Two words within one edit (a substitution, insertion, deletion or swap) always share
/// a variant, so looking up the query word's variants in a table of the indexed words' variants
/// finds every candidate with a plain indexed equality; <see cref="EditDistance"/> then confirms
/// each. Works the same on every database.
/// </summary>
public static class DeletionVariants
{
    /// <summary>The shortest indexed word worth recording: one edit away from the shortest fuzzy query word.</summary>
    public static int MinIndexedLength => FuzzyTerms.Default.MinTermLength - FuzzyTerms.Default.MaxEdits;

    public static IReadOnlyList<string> Of(string term)
    {
        var runes = term.EnumerateRunes().ToArray();
        var variants = new HashSet<string>(StringComparer.Ordinal) { term };
        for (var skip = 0; skip < runes.Length; skip++)
        {
            var builder = new StringBuilder(term.Length);
            for (var i = 0; i < runes.Length; i++)
            {
                if (i != skip)
                {
                    builder.Append(runes[i].ToString());
                }
            }

            variants.Add(builder.ToString());
        }

        return [.. variants];
    }

    /// <summary>Whether an indexed term is a word typos could target (not a number, not CJK, long enough).</summary>
    public static bool IsIndexable(string term)
    {
        var count = 0;
        foreach (var rune in term.EnumerateRunes())
        {
            if (!Rune.IsLetter(rune) || CjkScript.Contains(rune))
            {
                return false;
            }

            count++;
        }

        return count >= MinIndexedLength;
    }
}
