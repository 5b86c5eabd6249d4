using System.Text.RegularExpressions;

namespace Platform.Domain.Eav;

/// <summary>
/// Entity ids (client-chosen or generated) and so the values of REFERENCE attributes: a DNS-label
/// shape that may start with a digit, because generated ids do.
/// </summary>
public static partial class EntityIds
{
    public const string Rule = "must be an entity id: [a-z0-9], inner '-', at most 63 characters";

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
