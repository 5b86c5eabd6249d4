namespace Platform.Domain.Search.Analysis;

/// <summary>
/// One searchable term. <see cref="Start"/> and <see cref="End"/> (exclusive) are UTF-16 offsets into the
/// text as given, before any normalization, so a highlighter can cut the original substring.
/// <see cref="Position"/> counts tokens from 0 and serves phrase and proximity matching.
/// </summary>
public readonly record struct Token(string Term, int Start, int End, int Position, TokenKind Kind);
