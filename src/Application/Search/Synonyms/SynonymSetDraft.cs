using Platform.Application.Access;
using Platform.Domain.Common;
using Platform.Domain.Search.Analysis;

namespace Platform.Application.Search.Synonyms;

/// <summary>Groups and rules as a client sent them.</summary>
public sealed record SynonymSetDraft(IReadOnlyList<IReadOnlyList<string>> EquivalentGroups, IReadOnlyList<OneWaySynonym> OneWayRules)
{
    /// <summary>Validated rules; field violations are prefixed with <paramref name="field"/> (e.g. <c>synonym_set</c>).</summary>
    public Result<SynonymSet> ToRules(string field) =>
        SynonymSet.Create(EquivalentGroups, OneWayRules) is { IsSuccess: false } failed
            ? new Validation().Merge(failed.Error, field).ToError()!
            : SynonymSet.Create(EquivalentGroups, OneWayRules);
}

/// <summary>Parses <c>tenants/{tenant}/synonymSets/{set}</c>.</summary>
public static class SynonymSetNames
{
    public static Result<TenantChild> Parse(string? name, string field = "name") => AccessNames.SynonymSet(name, field);
}
