namespace Platform.Domain.Search.Analysis;

internal enum RunKind
{
    Word,
    Number,
    Cjk,
}

/// <summary>
/// A maximal stretch of one kind of text. <see cref="Text"/> is the normalized, unstemmed term for a word or
/// number and the whole normalized run for CJK; <see cref="Pieces"/> are kept only for CJK, to pair them up.
/// </summary>
internal sealed record Run(RunKind Kind, string Text, int Start, int End, IReadOnlyList<Piece> Pieces);
