namespace Platform.Domain.Search.Analysis;

/// <summary>How a character takes part in tokens; apostrophes and dots only join when surrounded.</summary>
internal enum PieceClass
{
    Letter,
    Digit,
    Cjk,
    Apostrophe,
    Dot,
    Other,
}

/// <summary>
/// One character of the normalized text with the span of the original text it came from. NFKC can turn
/// one character into several ("ﬁ" → "fi", "㍿" → "株式会社"); each then carries the whole original span.
/// </summary>
internal readonly record struct Piece(PieceClass Class, string Text, int Start, int End);
