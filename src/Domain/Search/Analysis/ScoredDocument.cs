namespace Platform.Domain.Search.Analysis;

public sealed record ScoredDocument(string Id, double Score);
