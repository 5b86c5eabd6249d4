using System.Text;

namespace Platform.Domain.Search.Analysis;

/// <summary>
/// The scripts written without spaces between words, which we index as character bigrams. .NET has no
/// Unicode script property, so the blocks are listed; only letters and letter-numbers (〇) count, which
/// leaves out the CJK punctuation and symbols that share these blocks (e.g. the katakana middle dot ・).
/// </summary>
internal static class CjkScript
{
    private static readonly (int First, int Last)[] Blocks =
    [
        (0x1100, 0x11FF), // Hangul Jamo
        (0x3005, 0x3007), // 々 〆 〇
        (0x3021, 0x3029), // Hangzhou numerals
        (0x3031, 0x3035), // kana repeat marks
        (0x3038, 0x303C), // Han repeat marks and numerals
        (0x3040, 0x30FF), // Hiragana, Katakana
        (0x3130, 0x318F), // Hangul Compatibility Jamo
        (0x31F0, 0x31FF), // Katakana Phonetic Extensions
        (0x3400, 0x4DBF), // CJK Extension A
        (0x4E00, 0x9FFF), // CJK Unified Ideographs
        (0xA960, 0xA97F), // Hangul Jamo Extended-A
        (0xAC00, 0xD7FF), // Hangul Syllables, Jamo Extended-B
        (0xF900, 0xFAFF), // CJK Compatibility Ideographs (NFKC maps most, not all)
        (0xFF66, 0xFF9F), // half-width Katakana (NFKC widens them first)
        (0x1B000, 0x1B16F), // Kana Supplement and Extended-A
        (0x20000, 0x3FFFF), // CJK Extensions B and later (planes 2 and 3)
    ];

    public static bool Contains(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        if (!Rune.IsLetter(rune) && category != System.Globalization.UnicodeCategory.LetterNumber)
        {
            return false;
        }

        var value = rune.Value;
        foreach (var (first, last) in Blocks)
        {
            if (value >= first && value <= last)
            {
                return true;
            }
        }

        return false;
    }
}
