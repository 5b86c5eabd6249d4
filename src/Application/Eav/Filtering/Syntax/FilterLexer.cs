using System.Globalization;
using System.Text;
using Platform.Domain.Common;

namespace Platform.Application.Eav.Filtering.Syntax;

/// <summary>
/// Splits a filter into tokens. Strings take double or single quotes with JSON-style escapes
/// (\" \' \\ \/ \b \f \n \r \t \uXXXX); numbers are JSON numbers (a '-' directly before a digit
/// is a sign, elsewhere it is negation); words are dotted identifiers.
/// </summary>
internal static class FilterLexer
{
    public static Result<List<FilterToken>> Tokenize(string text)
    {
        var tokens = new List<FilterToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            var start = i;
            Error? error = null;
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            switch (c)
            {
                case '(' or ')' or '*' or ':' or '=':
                    i++;
                    tokens.Add(new FilterToken(Single(c), c.ToString(), start));
                    break;
                case '<' or '>':
                    i += i + 1 < text.Length && text[i + 1] == '=' ? 2 : 1;
                    tokens.Add(new FilterToken(FilterTokenKind.Comparator, text[start..i], start));
                    break;
                case '!' when i + 1 < text.Length && text[i + 1] == '=':
                    i += 2;
                    tokens.Add(new FilterToken(FilterTokenKind.Comparator, "!=", start));
                    break;
                case '!':
                    error = FilterErrors.At(text, start, "unexpected '!'; use != to compare, or NOT to negate");
                    break;
                case '"' or '\'':
                    error = ReadString(text, ref i, tokens);
                    break;
                case '-' when i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]):
                case >= '0' and <= '9':
                    error = ReadNumber(text, ref i, tokens);
                    break;
                case '-':
                    i++;
                    tokens.Add(new FilterToken(FilterTokenKind.Minus, "-", start));
                    break;
                case '_' or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'):
                    ReadWord(text, ref i, tokens);
                    break;
                default:
                    error = FilterErrors.At(text, start, $"unexpected character {Describe(text, start)}; quote text values");
                    break;
            }

            if (error is not null)
            {
                return error;
            }
        }

        tokens.Add(new FilterToken(FilterTokenKind.End, "", text.Length));
        return tokens;
    }

    private static FilterTokenKind Single(char c) => c switch
    {
        '(' => FilterTokenKind.LeftParen,
        ')' => FilterTokenKind.RightParen,
        '*' => FilterTokenKind.Star,
        _ => FilterTokenKind.Comparator,
    };

    private static Error? ReadString(string text, ref int i, List<FilterToken> tokens)
    {
        var start = i;
        var quote = text[i++];
        var value = new StringBuilder();
        while (i < text.Length && text[i] != quote)
        {
            if (text[i] != '\\')
            {
                value.Append(text[i++]);
                continue;
            }

            if (Unescape(text, i) is not { } unescaped)
            {
                return FilterErrors.At(text, i, "unknown escape sequence; use \\\" \\' \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX");
            }

            value.Append(unescaped.Char);
            i += unescaped.Length;
        }

        if (i == text.Length)
        {
            return FilterErrors.At(text, start, "unterminated string");
        }

        i++;
        tokens.Add(new FilterToken(FilterTokenKind.String, value.ToString(), start));
        return null;
    }

    private static (char Char, int Length)? Unescape(string text, int i)
    {
        if (i + 1 >= text.Length)
        {
            return null;
        }

        if (text[i + 1] == 'u')
        {
            return i + 5 < text.Length && ushort.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                ? ((char)code, 6)
                : null;
        }

        char? c = text[i + 1] switch
        {
            '"' or '\'' or '\\' or '/' => text[i + 1],
            'b' => '\b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            _ => null,
        };
        return c is { } ch ? (ch, 2) : null;
    }

    private static Error? ReadNumber(string text, ref int i, List<FilterToken> tokens)
    {
        var start = i;
        if (text[i] == '-')
        {
            i++;
        }

        SkipDigits(text, ref i);
        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            i++;
            SkipDigits(text, ref i);
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            var exponent = i + 1 < text.Length && text[i + 1] is '+' or '-' ? i + 2 : i + 1;
            if (exponent < text.Length && char.IsAsciiDigit(text[exponent]))
            {
                i = exponent;
                SkipDigits(text, ref i);
            }
        }

        // "2026-01-01" or "12:00" or "1.2.3": not a number, and almost always a date or time someone forgot to quote.
        if (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.' or ':' or '-'))
        {
            return FilterErrors.At(text, start, "malformed number; dates, times and other text must be quoted");
        }

        tokens.Add(new FilterToken(FilterTokenKind.Number, text[start..i], start));
        return null;
    }

    private static void ReadWord(string text, ref int i, List<FilterToken> tokens)
    {
        var start = i;
        while (true)
        {
            while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
            {
                i++;
            }

            if (i + 1 < text.Length && text[i] == '.' && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] == '_'))
            {
                i++;
                continue;
            }

            break;
        }

        tokens.Add(new FilterToken(FilterTokenKind.Word, text[start..i], start));
    }

    private static void SkipDigits(string text, ref int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }
    }

    private static string Describe(string text, int i) =>
        char.IsControl(text[i]) || char.IsSurrogate(text[i]) ? $"U+{(int)text[i]:X4}" : $"'{text[i]}'";
}
