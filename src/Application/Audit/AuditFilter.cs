using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Platform.Application.Abstractions;
using Platform.Domain.Common;

namespace Platform.Application.Audit;

/// <summary>
/// Parses the ListAuditEvents filter, an AIP-160 subset: <c>field OP "literal"</c> terms joined by
/// AND. <c>event_time</c> takes <c>&gt;= &gt; &lt;= &lt;</c> and an RFC 3339 time; <c>principal</c>,
/// <c>method</c> and <c>outcome</c> take <c>=</c> or <c>!=</c>. Errors name the 0-based position.
/// </summary>
public static partial class AuditFilter
{
    private const string Field = "filter";
    private const int MaxTerms = 16;

    private static readonly string[] TimeOperators = [">=", ">", "<=", "<"];

    /// <summary>The gRPC status code names an event's outcome can hold.</summary>
    private static readonly HashSet<string> Outcomes =
    [
        "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS",
        "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE",
        "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
    ];

    public static Result<IReadOnlyList<AuditFilterTerm>> Parse(string? filter)
    {
        var terms = new List<AuditFilterTerm>();
        if (string.IsNullOrWhiteSpace(filter))
        {
            return terms;
        }

        if (!Tokenize(filter).TryGetValue(out var tokens, out var lexError))
        {
            return lexError;
        }

        var i = 0;
        while (true)
        {
            if (i + 3 > tokens.Count)
            {
                // Terms can only be cut short at the end of the input.
                return Fail($"expected 'field OP \"value\"' at position {filter.TrimEnd().Length}");
            }

            if (!ParseTerm(tokens[i], tokens[i + 1], tokens[i + 2]).TryGetValue(out var term, out var error))
            {
                return error;
            }

            terms.Add(term);
            i += 3;
            if (i == tokens.Count)
            {
                return terms;
            }

            if (tokens[i] is not { Kind: TokenKind.Word, Text: "AND" })
            {
                return Fail($"expected AND at position {tokens[i].Position} (only AND is supported)");
            }

            if (terms.Count == MaxTerms)
            {
                return Fail($"at most {MaxTerms} terms are supported (position {tokens[i].Position})");
            }

            i++;
        }
    }

    private static Result<AuditFilterTerm> ParseTerm(Token field, Token op, Token value)
    {
        if (field.Kind != TokenKind.Word || field.Text is not ("event_time" or "principal" or "method" or "outcome"))
        {
            return Fail($"unknown field '{field.Text}' at position {field.Position}; filterable fields are event_time, principal, method and outcome");
        }

        if (op.Kind != TokenKind.Operator)
        {
            return Fail($"expected an operator at position {op.Position}");
        }

        var isTime = field.Text == "event_time";
        if (isTime ? !TimeOperators.Contains(op.Text) : op.Text is not ("=" or "!="))
        {
            return Fail($"operator '{op.Text}' at position {op.Position} is not supported for {field.Text}; use {(isTime ? ">=, >, <= or <" : "= or !=")}");
        }

        if (value.Kind != TokenKind.String)
        {
            return Fail($"expected a string literal in double quotes at position {value.Position}");
        }

        if (isTime)
        {
            // Normalized to round-trip UTC so storage compares instants, not spellings.
            return ParseTime(value.Text) is { } time
                ? new AuditFilterTerm(field.Text, op.Text, time.ToString("O", CultureInfo.InvariantCulture))
                : Fail($"'{value.Text}' at position {value.Position} is not an RFC 3339 time such as \"2026-01-01T00:00:00Z\"");
        }

        if (field.Text == "outcome" && !Outcomes.Contains(value.Text))
        {
            return Fail($"unknown outcome '{value.Text}' at position {value.Position}; use a gRPC code name such as OK or PERMISSION_DENIED");
        }

        return new AuditFilterTerm(field.Text, op.Text, value.Text);
    }

    private static DateTime? ParseTime(string value) =>
        Rfc3339().IsMatch(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            ? parsed.UtcDateTime
            : null;

    private static Result<List<Token>> Tokenize(string filter)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < filter.Length)
        {
            var c = filter[i];
            var start = i;
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '"')
            {
                var text = new StringBuilder();
                for (i++; i < filter.Length && filter[i] != '"'; i++)
                {
                    // \" and \\ are the only escapes a method, principal or time can need.
                    if (filter[i] == '\\' && i + 1 < filter.Length && filter[i + 1] is '"' or '\\')
                    {
                        i++;
                    }

                    text.Append(filter[i]);
                }

                if (i == filter.Length)
                {
                    return Fail($"unterminated string starting at position {start}");
                }

                i++;
                tokens.Add(new Token(TokenKind.String, text.ToString(), start));
            }
            else if (c is '=' or '!' or '<' or '>')
            {
                i += i + 1 < filter.Length && filter[i + 1] == '=' ? 2 : 1;
                var op = filter[start..i];
                if (op == "!")
                {
                    return Fail($"unexpected '!' at position {start}; did you mean '!='?");
                }

                tokens.Add(new Token(TokenKind.Operator, op, start));
            }
            else if (char.IsAsciiLetterOrDigit(c) || c == '_')
            {
                while (i < filter.Length && (char.IsAsciiLetterOrDigit(filter[i]) || filter[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Word, filter[start..i], start));
            }
            else
            {
                return Fail($"unexpected '{c}' at position {start}");
            }
        }

        return tokens;
    }

    private static Error Fail(string description) => Error.Validation(Field, description);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();

    private enum TokenKind
    {
        Word,
        Operator,
        String,
    }

    private readonly record struct Token(TokenKind Kind, string Text, int Position);
}
