using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Search;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Application.Eav;
using Platform.Domain.Common;
using Platform.Domain.Search.Analysis;

namespace Platform.Application.Search;

public sealed record SuggestCompletionsQuery(string Parent, string Prefix, int PageSize) : IQuery<Result<IReadOnlyList<CompletionCandidate>>>, IValidatable
{
    public const int MaxPrefixLength = 100;
    public const int DefaultSize = 10;
    public const int MaxSize = 20;

    public Error? Validate() => new Validation()
        .Merge(EntityTypeNames.EntityType(Parent, "parent").Error)
        .Check(!string.IsNullOrWhiteSpace(Prefix), "prefix", "is required")
        .Check(Prefix.Length <= MaxPrefixLength, "prefix", $"must be at most {MaxPrefixLength} characters")
        .Check(PageSize is >= 0 and <= MaxSize, "page_size", $"must be 0 (default {DefaultSize}) to {MaxSize}")
        .ToError();
}

/// <summary>
/// Completes what was typed to values of the type's searchable STRING and ENUM attributes: the
/// database narrows by the first word's first characters (exact), then the prefix rules decide
/// in memory (one typo forgiven once the word being typed has four characters; CJK prefixes
/// match inside a run). Exact completions before typo ones, each most common value first.
/// </summary>
internal sealed class SuggestCompletionsHandler(IEntityTypeRepository types, ISearchIndex index, IRequestContext context)
    : IQueryHandler<SuggestCompletionsQuery, Result<IReadOnlyList<CompletionCandidate>>>
{
    private const int Candidates = 500;

    public async ValueTask<Result<IReadOnlyList<CompletionCandidate>>> Handle(SuggestCompletionsQuery query, CancellationToken ct)
    {
        if (!(await types.LoadCurrentAsync(context, query.Parent, ct)).TryGetValue(out var type, out var failed))
        {
            return failed;
        }

        if (!index.Capabilities.Completions)
        {
            return Error.InvalidState("search backend", "unsupported:completions",
                "The configured search backend does not offer completions; use the database search provider.");
        }

        var prefix = PrefixNormalizer.Normalize(query.Prefix);
        if (CompletionKeys.For(prefix) is not { } key)
        {
            return Error.Validation("prefix", "has no letters or digits to complete");
        }

        var size = query.PageSize == 0 ? SuggestCompletionsQuery.DefaultSize : query.PageSize;
        var candidates = await index.CompletionCandidatesAsync(type.TenantId, type.Id, key, Candidates, ct);
        // OrderBy is stable, so within exact and within typo matches the most common value stays first.
        return candidates.Where(c => prefix.Matches(c.Value)).OrderBy(c => prefix.MatchesExactly(c.Value) ? 0 : 1).Take(size).ToList();
    }
}
