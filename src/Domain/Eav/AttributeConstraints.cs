using Platform.Domain.Eav.Values;

namespace Platform.Domain.Eav;

/// <summary>
/// Constraints on an attribute's values; which ones apply depends on the type (see
/// <see cref="AttributeDefinitionRules"/>). Min and max are inclusive and of the attribute's
/// own representation (an <see cref="Int64Value"/> for INT64, and so on).
/// </summary>
public sealed record AttributeConstraints
{
    public static readonly AttributeConstraints None = new();

    public AttributeValue? Min { get; init; }

    public AttributeValue? Max { get; init; }

    /// <summary>In code points; STRING and TEXT only, and never above their built-in caps.</summary>
    public int? MaxLength { get; init; }

    /// <summary>A .NET regular expression, run without backtracking (see <see cref="AttributePatterns"/>).</summary>
    public string? Pattern { get; init; }

    public IReadOnlyList<string> EnumValues { get; init; } = [];

    /// <summary>The entity type a REFERENCE points to, in the same tenant.</summary>
    public string? ReferenceTypeId { get; init; }
}
