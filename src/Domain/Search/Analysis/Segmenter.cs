using System.Buffers;
using System.Globalization;
using System.Text;

namespace Platform.Domain.Search.Analysis;

/// <summary>
/// Cuts text into <see cref="Piece"/>s. It normalizes one grapheme cluster at a time, which keeps the map
/// back to original offsets exact: NFKC never combines characters across a cluster boundary in practice
/// (marks and Hangul jamo belong to the cluster of their base), so normalizing clusters one by one gives
/// the same characters as normalizing the whole text.
/// </summary>
internal static class Segmenter
{
    private const int ZeroWidthSpace = 0x200B;

    private static readonly string[] Ascii = [.. Enumerable.Range(0, 128).Select(c => char.ToLowerInvariant((char)c).ToString())];

    // Most clusters are one BMP character, which always gives the same pieces; normalizing it again at each
    // occurrence more than doubled the time CJK text takes. Filled lazily; a race only computes an entry twice.
    private static readonly Piece[]?[] SingleCharacters = new Piece[]?[char.MaxValue + 1];

    public static List<Piece> Split(string text)
    {
        var pieces = new List<Piece>(text.Length);
        for (var start = 0; start < text.Length;)
        {
            var length = StringInfo.GetNextTextElementLength(text.AsSpan(start));
            if (length == 1 && !char.IsSurrogate(text[start]))
            {
                var cached = SingleCharacters[text[start]] ??= [.. Normalize(text[start].ToString(), 0, 1)];
                foreach (var piece in cached)
                {
                    pieces.Add(piece with { Start = start, End = start + 1 });
                }
            }
            else
            {
                pieces.AddRange(Normalize(text.Substring(start, length), start, start + length));
            }

            start += length;
        }

        return pieces;
    }

    private static IEnumerable<Piece> Normalize(string cluster, int start, int end)
    {
        if (!IsWellFormed(cluster))
        {
            // Normalize() throws on a lone surrogate; it can match nothing anyway.
            yield return new Piece(PieceClass.Other, "", start, end);
            yield break;
        }

        // A unit is a base character and the marks after it; a mark with no base stands alone as Other.
        Rune? unitBase = null;
        var unit = new StringBuilder();
        foreach (var rune in cluster.Normalize(NormalizationForm.FormKC).EnumerateRunes())
        {
            if (IsIgnorable(rune))
            {
                continue;
            }

            if (unitBase is not null && IsMark(rune))
            {
                unit.Append(rune.ToString());
                continue;
            }

            if (unitBase is { } previous)
            {
                yield return MakePiece(previous, unit.ToString(), start, end);
            }

            unitBase = rune;
            unit.Clear().Append(rune.ToString());
        }

        if (unitBase is { } last)
        {
            yield return MakePiece(last, unit.ToString(), start, end);
        }
    }

    private static Piece MakePiece(Rune unitBase, string unit, int start, int end)
    {
        var kind = IsMark(unitBase) ? PieceClass.Other : Classify(unitBase);
        var text = kind switch
        {
            PieceClass.Letter => Folding.Fold(unitBase, unit),
            // Any script's decimal digits read as ASCII ones: "٣" and "3" are the same number.
            PieceClass.Digit => Ascii['0' + (int)Rune.GetNumericValue(unitBase)],
            PieceClass.Cjk => unit,
            PieceClass.Apostrophe => "'",
            PieceClass.Dot => ".",
            _ => "",
        };
        return new Piece(kind, text, start, end);
    }

    private static PieceClass Classify(Rune rune) => rune.Value switch
    {
        '\'' or 0x2019 or 0x02BC => PieceClass.Apostrophe,
        '.' => PieceClass.Dot,
        _ when CjkScript.Contains(rune) => PieceClass.Cjk,
        _ when Rune.IsLetter(rune) => PieceClass.Letter,
        _ when Rune.IsDigit(rune) => PieceClass.Digit,
        _ => PieceClass.Other,
    };

    private static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>
    /// Invisible characters that must not split a word: soft hyphens, joiners, byte order marks and
    /// variation selectors (an emoji or ideograph variant is the same character for search).
    /// The zero-width space is the exception: it is written precisely to separate words.
    /// </summary>
    private static bool IsIgnorable(Rune rune) =>
        rune.Value is (>= 0xFE00 and <= 0xFE0F) or (>= 0xE0100 and <= 0xE01EF)
        || (rune.Value != ZeroWidthSpace && Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format);

    private static bool IsWellFormed(string cluster)
    {
        var span = cluster.AsSpan();
        while (!span.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(span, out _, out var consumed) != OperationStatus.Done)
            {
                return false;
            }

            span = span[consumed..];
        }

        return true;
    }
}
