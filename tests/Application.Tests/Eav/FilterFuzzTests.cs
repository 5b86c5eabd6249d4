using System.Globalization;
using System.Text;
using Platform.Application.Eav.Filtering;
using Platform.Domain.Common;
using Platform.Domain.Eav.Values;
using static Platform.Application.Tests.Eav.EavSamples;

namespace Platform.Application.Tests.Eav;

/// <summary>
/// 10,000 seeded random filters — token soup, mutated valid filters and random characters —
/// must each end as a bound filter or an INVALID_ARGUMENT on "filter" with a column inside the
/// text, never an exception.
/// </summary>
public sealed class FilterFuzzTests
{
    private const int Seed = 20_261_124;

    private static readonly string[] Vocabulary =
    [
        "attributes.name", "attributes.body", "attributes.qty", "attributes.price", "attributes.ok", "attributes.day", "attributes.at",
        "attributes.state", "attributes.owner", "attributes.tags", "attributes.scores", "attributes.secret", "attributes.place",
        "attributes.nope", "attributes.", "create_time", "update_time", "name", "=", "!=", "<", "<=", ">", ">=", ":", "!", "AND", "OR",
        "NOT", "and", "-", "(", ")", "*", "\"x\"", "\"Cafe\u0301\"", "\"2026-01-01T00:00:00Z\"", "\"2026-01-31\"", "2026-01-31", "1", "-1.5",
        "1e999", "0.1", "true", "false", "NEW", "DONE", "'single'", "\"\\ud800\"", "\"\\u00e9\"", "\"unterminated", "\\", "\"", ",", ".",
        "😀", "\u0000", "\t", "\n", "名前",
    ];

    private static readonly string[] Valid =
    [
        "attributes.qty > 3 AND (attributes.name:\"a\" OR -attributes.tags:red)",
        "NOT attributes.price <= 0.3 attributes.state = NEW",
        "create_time >= \"2026-01-01T00:00:00Z\" OR attributes.at:*",
        "attributes.day = \"2026-01-31\" AND attributes.ok = true AND attributes.scores:1.5",
    ];

    private static readonly string[] Restrictions =
    [
        "attributes.qty > 3", "attributes.name:\"a\"", "attributes.tags:red", "attributes.price <= 0.3", "attributes.state = NEW",
        "create_time >= \"2026-01-01T00:00:00Z\"", "attributes.at:*", "attributes.ok != true", "attributes.day < \"2026-01-31\"",
        "attributes.body:\"x\"", "attributes.scores:1.5", "attributes.owner = \"p-1\"", "update_time < \"2030-01-01T00:00:00+02:00\"",
    ];

    private static readonly FilterSubject[] Subjects =
    [
        Entity("a", []),
        Entity("b", new() { ["qty"] = new Int64Value(5), ["name"] = new TextValue("abc"), ["tags"] = new ListValue([new TextValue("red")]) }),
    ];

    [Fact]
    public void Random_filters_bind_or_fail_with_a_position()
    {
        var random = new Random(Seed);
        int bound = 0, failed = 0;
        for (var i = 0; i < 10_000; i++)
        {
            var filter = (i % 10) switch
            {
                < 3 => TokenSoup(random),
                < 6 => Mutate(random, random.Next(2) == 0 ? Valid[random.Next(Valid.Length)] : Grammar(random, 0)),
                < 8 => RandomCharacters(random),
                _ => Grammar(random, 0),
            };

            if (Check(filter))
            {
                bound++;
            }
            else
            {
                failed++;
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"{bound} bound, {failed} rejected with a position");

        // Both outcomes must be well represented, or the generator is not exercising the parser.
        Assert.True(bound > 1500, $"only {bound} of 10,000 filters bound");
        Assert.True(failed > 5000, $"only {failed} of 10,000 filters failed");
    }

    /// <summary>True when the filter bound; asserts the shape of the error otherwise.</summary>
    private static bool Check(string filter)
    {
        Result<Platform.Application.Eav.Filtering.Bound.BoundFilter?> result;
        try
        {
            result = EavFilter.Parse(filter, Item);
            if (result.IsSuccess)
            {
                foreach (var subject in Subjects)
                {
                    FilterEvaluator.Matches(result.Value, subject);
                }

                return true;
            }
        }
        catch (Exception e)
        {
            Assert.Fail($"{Escape(filter)} threw {e}");
            throw;
        }

        var error = result.Error!;
        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Equal("filter", Assert.Single(error.Violations).Field);
        var column = int.Parse(error.Metadata["column"], CultureInfo.InvariantCulture);
        Assert.InRange(column, 1, TextRules.Length(filter) + 1);
        Assert.EndsWith($"(column {column})", error.Violations[0].Description, StringComparison.Ordinal);
        return false;
    }

    private static string TokenSoup(Random random)
    {
        var text = new StringBuilder();
        for (var n = random.Next(1, 25); n > 0; n--)
        {
            text.Append(Vocabulary[random.Next(Vocabulary.Length)]).Append(random.Next(4) == 0 ? "" : " ");
        }

        return text.ToString();
    }

    /// <summary>A well-formed filter from the grammar, to reach the binder and evaluator often.</summary>
    private static string Grammar(Random random, int depth) => (depth > 3 ? 0 : random.Next(6)) switch
    {
        0 or 1 => Restrictions[random.Next(Restrictions.Length)],
        2 => $"{Grammar(random, depth + 1)} AND {Grammar(random, depth + 1)}",
        3 => $"{Grammar(random, depth + 1)} OR {Grammar(random, depth + 1)}",
        4 => $"{(random.Next(2) == 0 ? "NOT " : "-")}({Grammar(random, depth + 1)})",
        _ => $"({Grammar(random, depth + 1)}) {Grammar(random, depth + 1)}",
    };

    private static string Mutate(Random random, string filter)
    {
        var text = new StringBuilder(filter);
        for (var n = random.Next(1, 4); n > 0 && text.Length > 0; n--)
        {
            var at = random.Next(text.Length);
            switch (random.Next(3))
            {
                case 0:
                    text.Remove(at, 1);
                    break;
                case 1:
                    text.Insert(at, RandomChar(random));
                    break;
                default:
                    text[at] = RandomChar(random);
                    break;
            }
        }

        return text.ToString();
    }

    private static string RandomCharacters(Random random)
    {
        // Now and then longer than the limit, to reach the length check.
        var length = random.Next(50) == 0 ? random.Next(1990, 2100) : random.Next(0, 60);
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(8) == 0 ? "😀" : RandomChar(random).ToString());
        }

        return text.ToString();
    }

    private const string Punctuation = "\"'\\():=<>!*-.,";
    private const string Unicode = "éü名\u0301\uFEFF";

    private static char RandomChar(Random random) => random.Next(10) switch
    {
        0 => (char)random.Next(0, 32),
        1 => Punctuation[random.Next(Punctuation.Length)],
        2 => (char)random.Next(0xD800, 0xE000),
        3 => Unicode[random.Next(Unicode.Length)],
        _ => (char)random.Next(32, 127),
    };

    private static string Escape(string text) =>
        string.Concat(text.Select(c => c is < ' ' or > '~' ? $"\\u{(int)c:x4}" : c.ToString()));
}
