using Platform.Domain.Common;

namespace Platform.Application.Eav.Filtering.Syntax;

/// <summary>
/// Recursive-descent parser for the AIP-160 subset. Precedence follows AIP-160, where OR binds
/// tighter than AND: <c>a AND b OR c</c> is <c>a AND (b OR c)</c>. Juxtaposed terms are an
/// implicit AND. Grammar:
/// <code>
/// filter      = [expression] END
/// expression  = sequence { "AND" sequence }
/// sequence    = factor { factor }
/// factor      = term { "OR" term }
/// term        = ("NOT" | "-") term | simple
/// simple      = "(" expression ")" | restriction
/// restriction = field comparator value      comparator = "=" "!=" "&lt;" "&lt;=" "&gt;" "&gt;=" ":"
/// value       = string | number | true | false | word | "*" (after ":" only)
/// </code>
/// </summary>
public sealed class FilterParser
{
    private readonly string _text;
    private readonly List<FilterToken> _tokens;
    private int _next;
    private int _depth;
    private int _comparisons;

    private FilterParser(string text, List<FilterToken> tokens)
    {
        _text = text;
        _tokens = tokens;
    }

    private FilterToken Current => _tokens[_next];

    /// <summary>A blank filter parses to null (match everything).</summary>
    public static Result<FilterSyntax?> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result<FilterSyntax?>.Success(null);
        }

        if (text.Length > FilterLimits.MaxLength)
        {
            return FilterErrors.At(text, FilterLimits.MaxLength, $"the filter is longer than {FilterLimits.MaxLength} characters");
        }

        if (!FilterLexer.Tokenize(text).TryGetValue(out var tokens, out var lexError))
        {
            return lexError;
        }

        var parser = new FilterParser(text, tokens);
        if (!parser.Expression().TryGetValue(out var filter, out var error))
        {
            return error;
        }

        return parser.Current.Kind switch
        {
            FilterTokenKind.End => filter,
            FilterTokenKind.RightParen => parser.Fail("unmatched ')'"),
            _ => parser.Fail($"expected AND, OR or the end of the filter, found {parser.Describe(parser.Current)}"),
        };
    }

    private Result<FilterSyntax> Expression() => Collect(Sequence, () => Accept("AND"), (operands, at) => new AndSyntax(operands, at));

    private Result<FilterSyntax> Sequence() => Collect(Factor, () => StartsFactor(Current), (operands, at) => new AndSyntax(operands, at));

    private Result<FilterSyntax> Factor() => Collect(Term, () => Accept("OR"), (operands, at) => new OrSyntax(operands, at));

    /// <summary>One or more operands, for as long as <paramref name="more"/> says; a single operand stands alone.</summary>
    private Result<FilterSyntax> Collect(
        Func<Result<FilterSyntax>> operand, Func<bool> more, Func<IReadOnlyList<FilterSyntax>, int, FilterSyntax> combine)
    {
        var start = Current.Position;
        var operands = new List<FilterSyntax>();
        do
        {
            if (!operand().TryGetValue(out var next, out var error))
            {
                return error;
            }

            operands.Add(next);
        }
        while (more());

        return operands.Count == 1 ? operands[0] : combine(operands, start);
    }

    private Result<FilterSyntax> Term()
    {
        var token = Current;
        if (!token.IsKeyword("NOT") && token.Kind != FilterTokenKind.Minus)
        {
            return Simple();
        }

        if (++_depth > FilterLimits.MaxDepth)
        {
            return Fail($"nesting is deeper than {FilterLimits.MaxDepth} levels");
        }

        _next++;
        var operand = Term();
        _depth--;
        return operand.IsSuccess ? new NotSyntax(operand.Value, token.Position) : operand;
    }

    private Result<FilterSyntax> Simple()
    {
        if (Current.Kind != FilterTokenKind.LeftParen)
        {
            return Restriction();
        }

        var open = Current;
        if (++_depth > FilterLimits.MaxDepth)
        {
            return Fail($"nesting is deeper than {FilterLimits.MaxDepth} levels");
        }

        _next++;
        if (!Expression().TryGetValue(out var inner, out var error))
        {
            return error;
        }

        if (Current.Kind != FilterTokenKind.RightParen)
        {
            return Current.Kind == FilterTokenKind.End
                ? FilterErrors.At(_text, open.Position, "unclosed '('")
                : Fail($"expected ')', AND or OR, found {Describe(Current)}");
        }

        _next++;
        _depth--;
        return inner;
    }

    private Result<FilterSyntax> Restriction()
    {
        var field = Current;
        if (field.Kind != FilterTokenKind.Word || field.Text is "AND" or "OR")
        {
            return Fail($"expected a field such as attributes.color, found {Describe(field)}");
        }

        if (++_comparisons > FilterLimits.MaxComparisons)
        {
            return Fail($"the filter has more than {FilterLimits.MaxComparisons} comparisons");
        }

        _next++;
        var op = Current;
        if (op.Kind != FilterTokenKind.Comparator)
        {
            var hint = field.Text is "and" or "or" or "not" ? " (AND, OR and NOT are upper case)" : "";
            return Fail($"expected a comparison operator after '{field.Text}'{hint}, found {Describe(op)}");
        }

        _next++;
        var comparator = ToComparator(op.Text);
        var value = Current;
        LiteralSyntax? literal = value.Kind switch
        {
            FilterTokenKind.String => new LiteralSyntax(LiteralKind.String, value.Text, value.Position),
            FilterTokenKind.Number => new LiteralSyntax(LiteralKind.Number, value.Text, value.Position),
            FilterTokenKind.Word when value.Text is "true" or "false" => new LiteralSyntax(LiteralKind.Bool, value.Text, value.Position),
            FilterTokenKind.Word when value.Text is not ("AND" or "OR" or "NOT") => new LiteralSyntax(LiteralKind.Text, value.Text, value.Position),
            FilterTokenKind.Star when comparator == Comparator.Has => new LiteralSyntax(LiteralKind.Star, "*", value.Position),
            _ => null,
        };

        if (literal is null)
        {
            return value.Kind == FilterTokenKind.Star
                ? Fail("'*' is only allowed after ':' (field:* tests that a value is present)")
                : Fail($"expected a value after '{op.Text}', found {Describe(value)}");
        }

        _next++;
        return new RestrictionSyntax(field.Text, comparator, op.Position, literal, field.Position);
    }

    private static bool StartsFactor(FilterToken token) =>
        token.Kind is FilterTokenKind.LeftParen or FilterTokenKind.Minus
        || (token.Kind == FilterTokenKind.Word && token.Text is not ("AND" or "OR"));

    private bool Accept(string keyword)
    {
        if (!Current.IsKeyword(keyword))
        {
            return false;
        }

        _next++;
        return true;
    }

    private static Comparator ToComparator(string text) => text switch
    {
        "=" => Comparator.Equal,
        "!=" => Comparator.NotEqual,
        "<" => Comparator.Less,
        "<=" => Comparator.LessOrEqual,
        ">" => Comparator.Greater,
        ">=" => Comparator.GreaterOrEqual,
        _ => Comparator.Has,
    };

    private string Describe(FilterToken token) => token.Kind switch
    {
        FilterTokenKind.End => "the end of the filter",
        FilterTokenKind.String => "a string",
        _ => $"'{_text[token.Position..Math.Min(_text.Length, token.Position + Math.Max(token.Text.Length, 1))]}'",
    };

    private Error Fail(string message) => FilterErrors.At(_text, Current.Position, message);
}
