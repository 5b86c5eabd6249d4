using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Platform.Domain.Eav.Values;

namespace Platform.Domain.Eav;

/// <summary>
/// The canonical JSON of an attribute map (docs/adr/0006-eav-value-encoding.md): keys in ordinal
/// order; text, dates and timestamps as strings; INT64 and DECIMAL as JSON numbers written
/// exactly; BOOL as true/false; GEO_POINT as {"lat":…,"lon":…}; repeated values as arrays.
/// <see cref="AttributeJsonReader"/> reads it back.
/// </summary>
public static class AttributeJson
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Non-ASCII text is written as UTF-8, not \u escapes: smaller, and still valid JSON.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(AttributeMap map) => Write(w => WriteProperties(w, map));

    /// <summary>The JSON object <c>{"key": value}</c>, e.g. for a containment test.</summary>
    public static string SerializeSingle(string key, AttributeValue value) => Write(w =>
    {
        w.WritePropertyName(key);
        WriteValue(w, value);
    });

    public static string Write(Action<Utf8JsonWriter> properties)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            properties(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static void WriteProperties(Utf8JsonWriter writer, AttributeMap map)
    {
        foreach (var (key, value) in map)
        {
            writer.WritePropertyName(key);
            WriteValue(writer, value);
        }
    }

    public static void WriteValue(Utf8JsonWriter writer, AttributeValue value)
    {
        switch (value)
        {
            case TextValue t:
                writer.WriteStringValue(t.Value);
                break;
            case Int64Value i:
                writer.WriteNumberValue(i.Value);
                break;
            case DecimalValue d:
                // Utf8JsonWriter formats System.Decimal with every digit (never an exponent).
                writer.WriteNumberValue(DecimalText.Normalize(d.Value));
                break;
            case BoolValue b:
                writer.WriteBooleanValue(b.Value);
                break;
            case GeoPointValue g:
                writer.WriteStartObject();
                writer.WriteNumber("lat", g.Latitude);
                writer.WriteNumber("lon", g.Longitude);
                writer.WriteEndObject();
                break;
            case ListValue l:
                writer.WriteStartArray();
                foreach (var item in l.Items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(AttributeValueText.Format(value));
                break;
        }
    }
}
