using System.Text;

namespace Platform.Domain.Search.Analysis;

/// <summary>
/// Short lookup keys that narrow autocomplete to a few candidate values in the database before
/// <see cref="NormalizedPrefix.Matches(string)"/> decides in memory: the first one to three
/// characters of every word (a typo is only forgiven after the third, so those are exact) and
/// every character of a CJK run (a CJK prefix may start anywhere inside the run).
/// </summary>
public static class CompletionKeys
{
    public const int Length = 3;

    public static IReadOnlyList<string> Of(string value)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var segment in PrefixNormalizer.Segments(value))
        {
            var runes = segment.EnumerateRunes().ToArray();
            if (runes.Length > 0 && CjkScript.Contains(runes[0]))
            {
                keys.UnionWith(runes.Select(r => r.ToString()));
                continue;
            }

            for (var length = 1; length <= Math.Min(Length, runes.Length); length++)
            {
                keys.Add(Join(runes.AsSpan(0, length)));
            }
        }

        return [.. keys];
    }

    /// <summary>The key a prefix is looked up by (its first word's start), or null when nothing was typed.</summary>
    public static string? For(NormalizedPrefix prefix)
    {
        var first = prefix.Complete.Count > 0 ? prefix.Complete[0] : prefix.Partial;
        var runes = first.EnumerateRunes().ToArray();
        if (runes.Length == 0)
        {
            return null;
        }

        return CjkScript.Contains(runes[0]) ? runes[0].ToString() : Join(runes.AsSpan(0, Math.Min(Length, runes.Length)));
    }

    private static string Join(ReadOnlySpan<Rune> runes)
    {
        var builder = new StringBuilder();
        foreach (var rune in runes)
        {
            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }
}
