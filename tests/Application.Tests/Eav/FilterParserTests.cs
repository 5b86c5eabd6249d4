using Platform.Application.Eav.Filtering;
using Platform.Application.Eav.Filtering.Syntax;

namespace Platform.Application.Tests.Eav;

public sealed class FilterParserTests
{
    private static FilterSyntax Parse(string filter) => FilterParser.Parse(filter).Value!;

    private static (string Column, string Description) Error(string filter)
    {
        var error = FilterParser.Parse(filter).Error!;
        return (error.Metadata["column"], Assert.Single(error.Violations).Description);
    }

    [Fact]
    public void Blank_is_no_filter()
    {
        Assert.Null(FilterParser.Parse(null).Value);
        Assert.Null(FilterParser.Parse("  \t").Value);
    }

    [Fact]
    public void Parses_a_restriction_with_positions()
    {
        var r = Assert.IsType<RestrictionSyntax>(Parse("  attributes.qty >= -12.5e1"));

        Assert.Equal(("attributes.qty", Comparator.GreaterOrEqual, 2, 17), (r.Field, r.Comparator, r.Position, r.ComparatorPosition));
        Assert.Equal(new LiteralSyntax(LiteralKind.Number, "-12.5e1", 20), r.Value);
    }

    [Fact]
    public void Or_binds_tighter_than_and_as_in_aip_160()
    {
        var and = Assert.IsType<AndSyntax>(Parse("a = 1 AND b = 2 OR c = 3"));

        Assert.IsType<RestrictionSyntax>(and.Operands[0]);
        Assert.Equal(2, Assert.IsType<OrSyntax>(and.Operands[1]).Operands.Count);
    }

    [Fact]
    public void Juxtaposition_is_an_implicit_and()
    {
        var and = Assert.IsType<AndSyntax>(Parse("a = 1 b = 2 (c = 3 OR d = 4)"));

        Assert.Equal(3, and.Operands.Count);
    }

    [Fact]
    public void Not_and_minus_negate()
    {
        var and = Assert.IsType<AndSyntax>(Parse("NOT a = 1 AND -b:*"));

        Assert.IsType<NotSyntax>(and.Operands[0]);
        var minus = Assert.IsType<NotSyntax>(and.Operands[1]);
        Assert.Equal(LiteralKind.Star, Assert.IsType<RestrictionSyntax>(minus.Operand).Value.Kind);
    }

    [Theory]
    [InlineData("a = \"x\\\"y\\\\z\\n\\u00e9\"", "x\"y\\z\né")]
    [InlineData("a = 'single \\' quoted'", "single ' quoted")]
    [InlineData("a = IN_STOCK", "IN_STOCK")]
    [InlineData("a = true", "true")]
    public void Literals_are_unescaped(string filter, string value) =>
        Assert.Equal(value, Assert.IsType<RestrictionSyntax>(Parse(filter)).Value.Text);

    [Theory]
    [InlineData("a = ", "5", "expected a value after '=', found the end of the filter")]
    [InlineData("a", "2", "expected a comparison operator after 'a', found the end of the filter")]
    [InlineData("a = 1 and b = 2", "11", "expected a comparison operator after 'and' (AND, OR and NOT are upper case)")]
    [InlineData("(a = 1", "1", "unclosed '('")]
    [InlineData("a = 1)", "6", "unmatched ')'")]
    [InlineData("a = \"abc", "5", "unterminated string")]
    [InlineData("a = \"\\q\"", "6", "unknown escape sequence")]
    [InlineData("a ! 1", "3", "unexpected '!'")]
    [InlineData("a = 2026-01-01", "5", "malformed number; dates, times and other text must be quoted")]
    [InlineData("a = #", "5", "unexpected character '#'")]
    [InlineData("a > *", "5", "'*' is only allowed after ':'")]
    [InlineData("AND a = 1", "1", "expected a field such as attributes.color, found 'AND'")]
    [InlineData("a = 1 OR", "9", "expected a field such as attributes.color, found the end of the filter")]
    [InlineData("a = 1 = 2", "7", "expected AND, OR or the end of the filter, found '='")]
    [InlineData("名前 = 1", "1", "unexpected character '名'")]
    [InlineData("x = \"名前\" AND %", "14", "unexpected character '%'")]
    [InlineData("x = \"😀\" AND %", "13", "unexpected character '%'")]
    public void Errors_carry_a_one_based_column(string filter, string column, string message)
    {
        var (at, description) = Error(filter);

        Assert.Equal(column, at);
        Assert.StartsWith(message, description, StringComparison.Ordinal);
        Assert.EndsWith($"(column {column})", description, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_length_depth_and_comparisons()
    {
        Assert.Contains("longer than 2000", Error(new string(' ', 1990) + "a = \"0123456789\"").Description, StringComparison.Ordinal);
        Assert.Contains("deeper than 20", Error(new string('(', 21) + "a = 1" + new string(')', 21)).Description, StringComparison.Ordinal);
        Assert.Contains("deeper than 20", Error(string.Concat(Enumerable.Repeat("NOT ", 21)) + "a = 1").Description, StringComparison.Ordinal);
        Assert.Contains("more than 50 comparisons", Error(string.Join(" OR ", Enumerable.Repeat("a = 1", 51))).Description, StringComparison.Ordinal);
        Assert.NotNull(Parse(new string('(', 20) + "a = 1" + new string(')', 20)));
    }

    [Fact]
    public void Error_is_invalid_argument_on_the_filter_field()
    {
        var error = FilterParser.Parse("a =").Error!;

        Assert.Equal(Domain.Common.ErrorKind.Invalid, error.Kind);
        Assert.Equal(FilterErrors.FilterField, error.Violations[0].Field);
    }
}
