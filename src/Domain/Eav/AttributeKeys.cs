using System.Text.RegularExpressions;

namespace Platform.Domain.Eav;

/// <summary>
/// Attribute keys are identifiers: they appear verbatim in JSON paths and index expressions, so
/// the pattern is what keeps those free of quoting problems.
/// </summary>
public static partial class AttributeKeys
{
    public const string Rule = "must match ^[a-z][a-z0-9_]{0,62}$";

    public static bool IsValid(string? key) => key is not null && Pattern().IsMatch(key);

    [GeneratedRegex("^[a-z][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
