using System.Globalization;
using Platform.Domain.Eav.Values;

namespace Platform.Infrastructure.Eav.Dialects;

/// <summary>
/// A text key whose byte order is the numeric order of decimals, for SQLite, where json_extract
/// turns a JSON number with a fraction into a double and loses exactness (see ADR 0006).
/// Layout: a class byte ('0' negative, '1' zero, '2' positive), then for positives two digits of
/// (exponent of the leading digit + 28) and the significant digits; negatives store the exponent
/// as 56 minus that and the nine's complement of the digits followed by '~', so a longer
/// negative (more negative) sorts first. Canonical decimals map one-to-one to keys.
/// </summary>
public static class DecimalSortKey
{
    public static string For(decimal value)
    {
        var text = DecimalText.Format(value);
        if (text == "0")
        {
            return "1";
        }

        var negative = text[0] == '-';
        var magnitude = negative ? text[1..] : text;
        var point = magnitude.IndexOf('.', StringComparison.Ordinal);
        var whole = point < 0 ? magnitude : magnitude[..point];
        var fraction = point < 0 ? "" : magnitude[(point + 1)..];
        var exponent = whole != "0" ? whole.Length - 1 : -(fraction.Length - fraction.TrimStart('0').Length) - 1;
        var digits = (whole + fraction).TrimStart('0').TrimEnd('0');
        var biased = exponent + 28;
        return negative
            ? "0" + (56 - biased).ToString("D2", CultureInfo.InvariantCulture) + string.Concat(digits.Select(d => (char)('9' - d + '0'))) + "~"
            : "2" + biased.ToString("D2", CultureInfo.InvariantCulture) + digits;
    }
}
