using Platform.Domain.Search.Analysis;

namespace Platform.Domain.Tests.Search;

public sealed class FuzzyTermsTests
{
    [Theory]
    [InlineData("shoe", TokenKind.Word, true)]
    [InlineData("run", TokenKind.Word, false)]
    [InlineData("café", TokenKind.Word, true)]
    [InlineData("2024", TokenKind.Number, false)]
    [InlineData("手机", TokenKind.CjkBigram, false)]
    [InlineData("𝔸𝔹𝔺", TokenKind.Word, false)]
    public void By_default_words_of_four_code_points_get_one_edit(string term, TokenKind kind, bool eligible)
    {
        Assert.Equal(eligible, FuzzyTerms.Default.IsEligible(term, kind));
        Assert.Equal(eligible ? 1 : 0, FuzzyTerms.Default.EditsFor(term, kind));
    }

    [Fact]
    public void Length_is_that_of_the_analyzed_term()
    {
        var shoes = Assert.Single(TextAnalyzer.Default.Analyze("shoes"));
        var runs = Assert.Single(TextAnalyzer.Default.Analyze("runs"));

        Assert.True(FuzzyTerms.Default.IsEligible(shoes.Term, shoes.Kind));
        Assert.False(FuzzyTerms.Default.IsEligible(runs.Term, runs.Kind));
    }

    [Fact]
    public void Matches_allows_one_typo_on_eligible_terms_only()
    {
        Assert.True(FuzzyTerms.Default.Matches("leather", TokenKind.Word, "lether"));
        Assert.True(FuzzyTerms.Default.Matches("run", TokenKind.Word, "run"));
        Assert.False(FuzzyTerms.Default.Matches("run", TokenKind.Word, "ran"));
        Assert.False(FuzzyTerms.Default.Matches("leather", TokenKind.Word, "lathers"));
    }

    [Fact]
    public void The_policy_is_configurable()
    {
        var loose = FuzzyTerms.Create(minTermLength: 3, maxEdits: 2).Value;

        Assert.True(loose.Matches("run", TokenKind.Word, "ran"));
        Assert.True(loose.Matches("leather", TokenKind.Word, "lathers"));
        Assert.False(FuzzyTerms.Off.Matches("leather", TokenKind.Word, "lether"));
        Assert.Equal(0, FuzzyTerms.Create(4, 0).Value.EditsFor("leather", TokenKind.Word));
    }

    [Theory]
    [InlineData(0, 1, "min_term_length")]
    [InlineData(129, 1, "min_term_length")]
    [InlineData(4, 3, "max_edits")]
    [InlineData(4, -1, "max_edits")]
    public void Out_of_range_settings_are_refused_naming_the_field(int minTermLength, int maxEdits, string field)
    {
        var error = FuzzyTerms.Create(minTermLength, maxEdits).Error!;

        Assert.Equal(field, Assert.Single(error.Violations).Field);
    }
}
