using System.Buffers;
using System.Text;
using System.Text.Json;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;

namespace Platform.Infrastructure.Persistence.Configurations;

/// <summary>
/// An entity type's attribute list as one JSON document. Values (default, min, max) use the
/// canonical attribute JSON of ADR 0006 and are read back with the attribute's own type.
/// </summary>
internal static class AttributeDefinitionsJson
{
    public static string Serialize(IReadOnlyList<AttributeDefinition> attributes)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var a in attributes)
            {
                Write(w, a);
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IReadOnlyList<AttributeDefinition> Deserialize(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateArray().Select(Read).ToList();
    }

    private static void Write(Utf8JsonWriter w, AttributeDefinition a)
    {
        w.WriteStartObject();
        w.WriteString("key", a.Key);
        w.WriteString("type", a.Type.WireName());
        w.WriteBoolean("repeated", a.Repeated);
        w.WriteBoolean("required", a.Required);
        w.WriteBoolean("unique", a.Unique);
        w.WriteBoolean("filterable", a.Filterable);
        w.WriteBoolean("sortable", a.Sortable);
        w.WriteBoolean("searchable", a.Searchable);
        w.WriteBoolean("hidden", a.Hidden);
        w.WriteString("display_name", a.DisplayName);
        w.WriteString("description", a.Description);
        WriteValue(w, "default", a.Default);
        var c = a.Constraints;
        WriteValue(w, "min", c.Min);
        WriteValue(w, "max", c.Max);
        if (c.MaxLength is { } maxLength)
        {
            w.WriteNumber("max_length", maxLength);
        }

        if (c.Pattern is { } pattern)
        {
            w.WriteString("pattern", pattern);
        }

        if (c.ReferenceTypeId is { } reference)
        {
            w.WriteString("reference_type_id", reference);
        }

        w.WriteStartArray("enum_values");
        foreach (var value in c.EnumValues)
        {
            w.WriteStringValue(value);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter w, string name, AttributeValue? value)
    {
        if (value is not null)
        {
            w.WritePropertyName(name);
            AttributeJson.WriteValue(w, value);
        }
    }

    private static AttributeDefinition Read(JsonElement e)
    {
        var typeName = e.GetProperty("type").GetString();
        var type = Enum.GetValues<AttributeType>().Single(t => t.WireName() == typeName);
        var shape = new AttributeDefinition { Key = e.GetProperty("key").GetString()!, Type = type, Repeated = e.GetProperty("repeated").GetBoolean() };
        var scalar = shape with { Repeated = false };
        return shape with
        {
            Required = e.GetProperty("required").GetBoolean(),
            Unique = e.GetProperty("unique").GetBoolean(),
            Filterable = e.GetProperty("filterable").GetBoolean(),
            Sortable = e.GetProperty("sortable").GetBoolean(),
            Searchable = e.GetProperty("searchable").GetBoolean(),
            Hidden = e.GetProperty("hidden").GetBoolean(),
            DisplayName = e.GetProperty("display_name").GetString()!,
            Description = e.GetProperty("description").GetString()!,
            Default = ReadValue(e, "default", shape),
            Constraints = new AttributeConstraints
            {
                Min = ReadValue(e, "min", scalar),
                Max = ReadValue(e, "max", scalar),
                MaxLength = e.TryGetProperty("max_length", out var m) ? m.GetInt32() : null,
                Pattern = e.TryGetProperty("pattern", out var p) ? p.GetString() : null,
                ReferenceTypeId = e.TryGetProperty("reference_type_id", out var r) ? r.GetString() : null,
                EnumValues = e.GetProperty("enum_values").EnumerateArray().Select(v => v.GetString()!).ToList(),
            },
        };
    }

    // Stored values were canonical when written; one that does not read back is corruption.
    private static AttributeValue? ReadValue(JsonElement e, string name, AttributeDefinition shape) =>
        !e.TryGetProperty(name, out var json) ? null
        : AttributeJsonReader.ReadValue(shape, json, out var problem) ?? throw new InvalidOperationException($"Stored {name} of attribute '{shape.Key}' is invalid: {problem}");
}
