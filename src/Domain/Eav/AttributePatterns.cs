using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Platform.Domain.Eav;

/// <summary>
/// Tenant-supplied patterns run on every write, so they must not be a denial-of-service vector:
/// they are compiled with <see cref="RegexOptions.NonBacktracking"/> (linear time; constructs that
/// need backtracking, such as back-references and look-arounds, are refused) and a match timeout
/// as a second guard. Compiled patterns are cached by text.
/// </summary>
public static class AttributePatterns
{
    public const int MaxPatternLength = 1000;

    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private const int MaxCached = 1024;

    private static readonly ConcurrentDictionary<string, Regex> Cache = new(StringComparer.Ordinal);

    /// <summary>Null when the pattern is acceptable, otherwise why not.</summary>
    public static string? Check(string pattern)
    {
        if (pattern.Length is 0 or > MaxPatternLength)
        {
            return $"must be 1 to {MaxPatternLength} characters";
        }

        try
        {
            Get(pattern);
            return null;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return $"is not a supported regular expression: {e.Message}";
        }
    }

    /// <summary>Whether the pattern matches somewhere in the value; patterns anchor with ^…$ to match all of it.</summary>
    public static bool Matches(string pattern, string value)
    {
        try
        {
            return Get(pattern).IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            // A value the pattern cannot decide in time is not accepted as matching.
            return false;
        }
    }

    private static Regex Get(string pattern)
    {
        if (Cache.TryGetValue(pattern, out var cached))
        {
            return cached;
        }

        var regex = new Regex(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, MatchTimeout);
        if (Cache.Count >= MaxCached)
        {
            Cache.Clear();
        }

        return Cache.GetOrAdd(pattern, regex);
    }
}
