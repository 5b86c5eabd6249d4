using System.Text.RegularExpressions;

namespace Platform.Domain.Common;

/// <summary>AIP-122 ids for child resources: <c>[a-z][a-z0-9-]{1,62}</c>, not ending in '-'.</summary>
public static partial class ResourceIds
{
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^[a-z][a-z0-9-]{0,61}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
