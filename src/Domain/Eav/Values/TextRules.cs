using System.Text;

namespace Platform.Domain.Eav.Values;

/// <summary>
/// Text as stored: NFC, valid UTF-16 (lone surrogates cannot be written as UTF-8), no NUL
/// (PostgreSQL text and jsonb cannot hold U+0000) and no other control characters except line
/// breaks and tabs in multi-line text. Lengths count code points, as PostgreSQL char_length and
/// SQLite length do.
/// </summary>
public static class TextRules
{
    /// <summary>Returns the normalized text, or null with <paramref name="problem"/> set.</summary>
    public static string? Normalize(string value, bool multiline, out string problem)
    {
        problem = "";
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                problem = "contains an unpaired surrogate (invalid UTF-16)";
                return null;
            }
            else if (c < ' ' && !(multiline && c is '\n' or '\r' or '\t'))
            {
                problem = $"contains the control character U+{(int)c:X4}";
                return null;
            }
        }

        return value.IsNormalized(NormalizationForm.FormC) ? value : value.Normalize(NormalizationForm.FormC);
    }

    public static int Length(string value)
    {
        var count = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (!(char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])))
            {
                count++;
            }
        }

        return count;
    }
}
