using System.Globalization;
using System.Text;

namespace Platform.Domain.Eav.Values;

/// <summary>
/// Exact decimals on the wire. <see cref="decimal.TryParse(string, out decimal)"/> silently rounds
/// digits it cannot hold; here anything System.Decimal cannot hold exactly is refused instead:
/// at most <see cref="MaxDigits"/> significant digits, magnitude below 10^28, scale at most 28.
/// </summary>
public static class DecimalText
{
    public const int MaxDigits = 28;

    /// <summary>Longer input cannot be a decimal we accept; the cap keeps parsing cheap.</summary>
    private const int MaxTextLength = 100;

    private static readonly decimal Limit = 1e27m * 10;

    /// <summary>Parses JSON number syntax (an optional '+' is also accepted) without rounding.</summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0m;
        if (string.IsNullOrEmpty(text) || text.Length > MaxTextLength)
        {
            return false;
        }

        var i = 0;
        var negative = text[0] == '-';
        if (text[0] is '-' or '+')
        {
            i++;
        }

        var digits = new StringBuilder();
        var intDigits = ReadDigits(text, ref i, digits);
        var fracDigits = 0;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            fracDigits = ReadDigits(text, ref i, digits);
            if (fracDigits == 0)
            {
                return false;
            }
        }

        if (intDigits == 0 || !TryReadExponent(text, ref i, out var exponent) || i != text.Length)
        {
            return false;
        }

        // The value is digits × 10^power; strip zeros that carry no information.
        var significant = digits.ToString().TrimStart('0');
        var trimmed = significant.TrimEnd('0');
        var power = exponent - fracDigits + (significant.Length - trimmed.Length);
        if (trimmed.Length == 0)
        {
            return true;
        }

        if (trimmed.Length > MaxDigits || trimmed.Length + power > MaxDigits || -power > MaxDigits)
        {
            return false;
        }

        value = decimal.Parse(Plain(trimmed, power), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        value = negative ? -value : value;
        return true;
    }

    /// <summary>The canonical text: invariant, no exponent, no trailing zeros, "0" for zero.</summary>
    public static string Format(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);

    /// <summary>Drops trailing zeros so equal values have one representation (1.50 → 1.5, -0 → 0).</summary>
    public static decimal Normalize(decimal value)
    {
        if (value == 0m)
        {
            return 0m;
        }

        var text = value.ToString(CultureInfo.InvariantCulture);
        if (text.Contains('.', StringComparison.Ordinal))
        {
            text = text.TrimEnd('0').TrimEnd('.');
        }

        return decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    /// <summary>True for values <see cref="TryParse"/> would accept (System.Decimal holds up to 29 digits).</summary>
    public static bool IsWithinLimits(decimal value)
    {
        var digits = Format(value).Replace("-", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal).TrimStart('0');
        return Math.Abs(value) < Limit && digits.Length <= MaxDigits;
    }

    private static int ReadDigits(string text, ref int i, StringBuilder into)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            into.Append(text[i++]);
        }

        return i - start;
    }

    private static bool TryReadExponent(string text, ref int i, out int exponent)
    {
        exponent = 0;
        if (i == text.Length || text[i] is not ('e' or 'E'))
        {
            return true;
        }

        i++;
        var negative = i < text.Length && text[i] == '-';
        if (i < text.Length && text[i] is '-' or '+')
        {
            i++;
        }

        var start = i;
        // Four digits are plenty: anything beyond ±56 is out of range anyway.
        while (i < text.Length && char.IsAsciiDigit(text[i]) && i - start < 4)
        {
            exponent = (exponent * 10) + (text[i++] - '0');
        }

        exponent = negative ? -exponent : exponent;
        return i > start;
    }

    private static string Plain(string digits, int power)
    {
        if (power >= 0)
        {
            return digits + new string('0', power);
        }

        var point = digits.Length + power;
        return point > 0 ? $"{digits[..point]}.{digits[point..]}" : $"0.{new string('0', -point)}{digits}";
    }
}
