using System.Text.Json;
using Platform.Domain.Common;
using Platform.Domain.Eav.Values;

namespace Platform.Domain.Eav;

/// <summary>
/// Validates an entity's attribute values against its type: one violation per bad attribute,
/// named <c>attributes.&lt;key&gt;</c> (unknown attribute, wrong type, missing required value,
/// violated constraint, undeclared enum value). The result is canonical.
/// </summary>
public static class EntityAttributes
{
    /// <param name="applyDefaults">True on create: missing attributes with a default get it.</param>
    public static Result<AttributeMap> Validate(EntityType type, IReadOnlyDictionary<string, AttributeValue> values, bool applyDefaults) =>
        Validate(type, values, new Validation(), applyDefaults);

    /// <summary>The same from a JSON object (the wire's Struct or a stored document).</summary>
    public static Result<AttributeMap> ValidateJson(EntityType type, JsonElement attributes, bool applyDefaults)
    {
        var v = new Validation();
        if (attributes.ValueKind != JsonValueKind.Object)
        {
            return Error.Validation("attributes", "must be a JSON object");
        }

        var values = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        var rejected = new List<string>();
        foreach (var property in attributes.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (type.FindAttribute(property.Name) is not { } attribute)
            {
                Unknown(v, type, property.Name);
                rejected.Add(property.Name);
            }
            else if (AttributeJsonReader.ReadValue(attribute, property.Value, out var problem) is { } value)
            {
                values[property.Name] = value;
            }
            else
            {
                v.Add(attribute.Path, problem);
                rejected.Add(property.Name);
            }
        }

        return Validate(type, values, v, applyDefaults, rejected);
    }

    private static Result<AttributeMap> Validate(
        EntityType type, IReadOnlyDictionary<string, AttributeValue> values, Validation v, bool applyDefaults, IReadOnlyList<string>? rejected = null)
    {
        var canonical = new Dictionary<string, AttributeValue>(StringComparer.Ordinal);
        var reported = new HashSet<string>(rejected ?? [], StringComparer.Ordinal);
        foreach (var key in values.Keys.Order(StringComparer.Ordinal))
        {
            if (type.FindAttribute(key) is not { } attribute)
            {
                Unknown(v, type, key);
                reported.Add(key);
            }
            else if (AttributeValueRules.Canonicalize(attribute, values[key], out var problem) is not { } value)
            {
                v.Add(attribute.Path, problem);
                reported.Add(key);
            }
            else if (value is not ListValue { Items.Count: 0 })
            {
                canonical[key] = value;
            }
        }

        foreach (var attribute in type.VisibleAttributes.Where(a => !canonical.ContainsKey(a.Key) && !reported.Contains(a.Key)))
        {
            if (applyDefaults && attribute.Default is not null)
            {
                canonical[attribute.Key] = attribute.Default;
            }
            else if (attribute.Required)
            {
                v.Add(attribute.Path, "is required");
            }
        }

        return v.ToError() is { } error ? error : new AttributeMap(canonical);
    }

    private static void Unknown(Validation v, EntityType type, string key) =>
        v.Add($"attributes.{key}", $"is not an attribute of {type.ResourceName}");
}
