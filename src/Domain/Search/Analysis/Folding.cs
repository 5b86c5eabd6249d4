using System.Globalization;
using System.Text;

namespace Platform.Domain.Search.Analysis;

/// <summary>
/// Lower-cases a letter and, for Latin and Greek, drops its accents ("É" → "e", "ά" → "α"), so queries typed
/// without accents find accented text and the reverse. Other scripts keep their marks: in Devanagari,
/// Arabic or Hebrew a mark is part of the spelling, and Cyrillic й is a letter of its own, not an accented и.
/// </summary>
internal static class Folding
{
    // Letters that have no decomposition but that people type as plain ASCII.
    private static readonly Dictionary<int, string> Replacements = new()
    {
        ['ß'] = "ss",
        ['æ'] = "ae",
        ['œ'] = "oe",
        ['ø'] = "o",
        ['đ'] = "d",
        ['ð'] = "d",
        ['ł'] = "l",
        ['þ'] = "th",
        ['ı'] = "i",
        ['ς'] = "σ",
    };

    private static readonly (int First, int Last)[] FoldedBlocks =
    [
        (0x0041, 0x024F), // Basic Latin letters to Latin Extended-B
        (0x0370, 0x03FF), // Greek
        (0x1E00, 0x1FFF), // Latin Extended Additional, Greek Extended
        (0x2C60, 0x2C7F), // Latin Extended-C
        (0xA720, 0xA7FF), // Latin Extended-D
        (0xAB30, 0xAB6F), // Latin Extended-E
    ];

    /// <param name="unit">A letter and the combining marks that follow it, already NFKC.</param>
    public static string Fold(Rune letter, string unit)
    {
        var folds = IsFolded(letter);
        var source = folds ? unit.Normalize(NormalizationForm.FormD) : unit;
        var folded = new StringBuilder(source.Length);
        foreach (var rune in source.EnumerateRunes())
        {
            if (folds && Rune.GetUnicodeCategory(rune) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var lower = Rune.ToLowerInvariant(rune);
            folded.Append(Replacements.TryGetValue(lower.Value, out var replacement) ? replacement : lower.ToString());
        }

        return folded.ToString();
    }

    private static bool IsFolded(Rune letter)
    {
        foreach (var (first, last) in FoldedBlocks)
        {
            if (letter.Value >= first && letter.Value <= last)
            {
                return true;
            }
        }

        return false;
    }
}
