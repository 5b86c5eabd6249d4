namespace Platform.Domain.Search.Analysis;

/// <summary>
/// One analyzed query term and what may stand for it: <see cref="Alternatives"/> holds the term itself first,
/// then its synonyms, each matched exactly; the term alone may also match indexed terms up to
/// <see cref="MaxEdits"/> edits away.
/// </summary>
public sealed record QueryTerm(string Term, TokenKind Kind, int Position, IReadOnlyList<string> Alternatives, int MaxEdits);
