using Platform.Domain.Search.Analysis;

namespace Platform.Domain.Tests.Search;

public sealed class DeletionVariantsTests
{
    [Theory]
    [InlineData("river", "rivr")] // deletion
    [InlineData("river", "rivver")] // insertion
    [InlineData("river", "rover")] // substitution
    [InlineData("river", "rvier")] // swap
    [InlineData("café", "cafe")] // one code point, not one UTF-16 unit
    public void Words_one_edit_apart_share_a_variant(string indexed, string typed) =>
        Assert.NotEmpty(DeletionVariants.Of(indexed).Intersect(DeletionVariants.Of(typed)));

    [Fact]
    public void Words_further_apart_share_none() =>
        Assert.Empty(DeletionVariants.Of("river").Intersect(DeletionVariants.Of("rather")));

    [Fact]
    public void Variants_are_the_word_and_each_single_deletion_without_repeats() =>
        Assert.Equal(["see", "ee", "se"], DeletionVariants.Of("see"));

    [Theory]
    [InlineData("river", true)]
    [InlineData("run", true)]
    [InlineData("go", false)]
    [InlineData("2025", false)]
    [InlineData("人民", false)]
    public void Only_words_typos_can_target_are_recorded(string term, bool indexable) =>
        Assert.Equal(indexable, DeletionVariants.IsIndexable(term));
}
