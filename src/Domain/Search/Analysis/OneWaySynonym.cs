namespace Platform.Domain.Search.Analysis;

/// <summary>
/// A query for <see cref="Input"/> also finds <see cref="Synonyms"/>, but not the reverse: "laptop" may find
/// "notebook" without every notebook query finding laptops.
/// </summary>
public sealed record OneWaySynonym(string Input, IReadOnlyList<string> Synonyms);
