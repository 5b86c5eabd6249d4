using Platform.Domain.Common;
using Platform.Domain.Search.Analysis;

namespace Platform.Domain.Tests.Search;

public sealed class SynonymSetTests
{
    private static readonly SynonymSet Shop = SynonymSet.Create(
        [["TV", "Television", "电视"], ["sofa", "couch"]],
        [new OneWaySynonym("laptop", ["notebook", "ultrabook"]), new OneWaySynonym("手机", ["iPhone"])]).Value;

    private static List<string> Fields(IReadOnlyList<IReadOnlyList<string>> groups, IReadOnlyList<OneWaySynonym>? rules = null) =>
        [.. SynonymSet.Create(groups, rules ?? []).Error!.Violations.Select(v => v.Field)];

    private static string Problem(IReadOnlyList<IReadOnlyList<string>> groups, IReadOnlyList<OneWaySynonym>? rules = null) =>
        Assert.Single(SynonymSet.Create(groups, rules ?? []).Error!.Violations).Description;

    [Fact]
    public void Equivalent_terms_expand_to_each_other_in_analyzed_form()
    {
        var expanded = Shop.Expand(["tv", "televis", "电视"]);

        Assert.Equal(["tv", "televis", "电视"], expanded[0]);
        Assert.Equal(["televis", "tv", "电视"], expanded[1]);
        Assert.Equal(["电视", "tv", "televis"], expanded[2]);
    }

    [Fact]
    public void One_way_rules_expand_from_their_input_only()
    {
        var expanded = Shop.Expand(["laptop", "notebook", "手机", "iphon"]);

        Assert.Equal(["laptop", "notebook", "ultrabook"], expanded[0]);
        Assert.Equal(["notebook"], expanded[1]);
        Assert.Equal(["手机", "iphon"], expanded[2]);
        Assert.Equal(["iphon"], expanded[3]);
    }

    [Fact]
    public void Query_text_and_entries_meet_through_the_analyzer()
    {
        var terms = TextAnalyzer.Default.Analyze("Televisions and COUCHES").Select(t => t.Term).ToList();

        var expanded = Shop.Expand(terms);

        Assert.Equal(["televis", "tv", "电视"], expanded[0]);
        Assert.Equal(["and"], expanded[1]);
        Assert.Equal(["couch", "sofa"], expanded[2]);
    }

    [Fact]
    public void The_entries_are_kept_as_given_for_reading_back()
    {
        Assert.Equal(["TV", "Television", "电视"], Shop.EquivalentGroups[0]);
        Assert.Equal("laptop", Shop.OneWayRules[0].Input);
    }

    [Fact]
    public void The_empty_set_expands_each_term_to_itself()
    {
        Assert.Equal([["shoe"], ["run"]], SynonymSet.Empty.Expand(["shoe", "run"]));
    }

    [Fact]
    public void Multi_word_entries_are_refused_but_two_cjk_characters_are_one_term()
    {
        Assert.Equal(["equivalent_groups[0].terms[1]"], Fields([["phone", "smart phone"]]));
        Assert.Equal(["equivalent_groups[0].terms[1]"], Fields([["tv", "电视机"]]));
        Assert.True(SynonymSet.Create([["tv", "电视"], ["壳", "套"]], []).IsSuccess);
        Assert.Contains("multi-word synonyms are not supported", Problem([["phone", "smart phone"]]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("  ", "must not be empty")]
    [InlineData("!!!", "has no letters, digits or CJK characters")]
    public void Blank_or_symbol_only_entries_are_refused(string entry, string problem) =>
        Assert.Equal(problem, Problem([["tv", entry]]));

    [Fact]
    public void Overlong_entries_are_refused()
    {
        var entry = new string('a', SynonymSet.MaxEntryLength + 1);

        Assert.Equal("must be at most 64 characters", Problem([["tv", entry]]));
    }

    [Fact]
    public void A_group_needs_two_terms()
    {
        Assert.Equal(["equivalent_groups[0].terms"], Fields([["tv"]]));
        Assert.Equal(["equivalent_groups[0].terms"], Fields([[.. Enumerable.Range(0, 33).Select(i => $"w{i}")]]));
    }

    [Fact]
    public void Entries_that_analyze_to_the_same_term_are_duplicates()
    {
        Assert.Equal(
            "is the same term as equivalent_groups[0].terms[0] once normalized and stemmed",
            Problem([["Running", "runs", "jogging"]]));
    }

    [Fact]
    public void A_term_belongs_to_one_group_only()
    {
        Assert.Equal(["equivalent_groups[1].terms[0]"], Fields([["tv", "television"], ["TV", "telly"]]));
        Assert.Equal("is already in equivalent_groups[0]", Problem([["tv", "television"], ["TV", "telly"]]));
    }

    [Fact]
    public void One_way_rules_are_validated_naming_their_fields()
    {
        OneWaySynonym[] rules =
        [
            new("laptop", []),
            new("  ", ["x"]),
            new("Notebooks", ["notebook"]),
            new("pc", ["computer"]),
            new("PC", ["desktop"]),
        ];

        Assert.Equal(
            ["one_way_rules[0].synonyms", "one_way_rules[1].input", "one_way_rules[2].synonyms", "one_way_rules[4].input"],
            Fields([], rules));
    }

    [Fact]
    public void Errors_are_validation_values_that_callers_can_nest()
    {
        var error = SynonymSet.Create([["tv"]], []).Error!;

        var nested = new Validation().Merge(error, "synonym_set").ToError()!;

        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Equal(ErrorReasons.ValidationFailed, error.Reason);
        Assert.Equal("synonym_set.equivalent_groups[0].terms", Assert.Single(nested.Violations).Field);
    }
}
