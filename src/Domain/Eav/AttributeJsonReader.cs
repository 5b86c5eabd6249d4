using System.Globalization;
using System.Text.Json;
using Platform.Domain.Eav.Values;

namespace Platform.Domain.Eav;

/// <summary>
/// Reads attribute JSON: the canonical shapes <see cref="AttributeJson"/> writes plus what proto3
/// JSON clients send (INT64 and DECIMAL as strings), so one reader serves the wire and storage.
/// </summary>
public static class AttributeJsonReader
{
    /// <summary>
    /// Reads one attribute's JSON into a typed (not yet canonical) value, or null with
    /// <paramref name="problem"/> set. JSON null is not a value; callers treat it as absent.
    /// </summary>
    public static AttributeValue? ReadValue(AttributeDefinition attribute, JsonElement json, out string problem)
    {
        if (!attribute.Repeated)
        {
            return ReadScalar(attribute.Type, json, out problem);
        }

        if (json.ValueKind != JsonValueKind.Array)
        {
            problem = $"must be a JSON array of {attribute.Type.WireName()} values";
            return null;
        }

        var items = new List<AttributeValue>();
        var index = 0;
        foreach (var element in json.EnumerateArray())
        {
            if (ReadScalar(attribute.Type, element, out problem) is not { } item)
            {
                problem = $"item {index} {problem}";
                return null;
            }

            items.Add(item);
            index++;
        }

        problem = "";
        return new ListValue(items);
    }

    /// <summary>
    /// Reads a stored document (canonical JSON written by this class, perhaps with storage-only
    /// extra keys, which are skipped). Hidden attributes are included: their data is kept.
    /// Stored data that does not read back is corruption, not user error, and throws.
    /// </summary>
    public static AttributeMap ReadStored(EntityType type, string json)
    {
        using var document = JsonDocument.Parse(json);
        var values = new List<KeyValuePair<string, AttributeValue>>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (type.FindAnyAttribute(property.Name) is not { } attribute)
            {
                continue;
            }

            var value = ReadValue(attribute, property.Value, out var problem)
                ?? throw new InvalidDataException($"Stored {attribute.Path} of {type.ResourceName} {problem}.");
            values.Add(new(property.Name, value));
        }

        return new AttributeMap(values);
    }

    private static AttributeValue? ReadScalar(AttributeType type, JsonElement json, out string problem)
    {
        problem = "";
        AttributeValue? value = (type, json.ValueKind) switch
        {
            (_, JsonValueKind.String) when type.IsTextual() => TryGetString(json) is { } s ? new TextValue(s) : null,
            (AttributeType.Int64, JsonValueKind.Number) => json.TryGetInt64(out var i) ? new Int64Value(i) : null,
            (AttributeType.Int64, JsonValueKind.String) => long.TryParse(json.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)
                ? new Int64Value(i) : null,
            (AttributeType.Decimal, JsonValueKind.Number or JsonValueKind.String) =>
                DecimalText.TryParse(json.ValueKind == JsonValueKind.String ? json.GetString() : json.GetRawText(), out var d) ? new DecimalValue(d) : null,
            (AttributeType.Bool, JsonValueKind.True or JsonValueKind.False) => new BoolValue(json.GetBoolean()),
            (AttributeType.Date, JsonValueKind.String) => TemporalText.TryParseDate(json.GetString(), out var date) ? new DateValue(date) : null,
            (AttributeType.Timestamp, JsonValueKind.String) => TemporalText.TryParseTimestamp(json.GetString(), out var t) ? new TimestampValue(t) : null,
            (AttributeType.GeoPoint, JsonValueKind.Object) => ReadGeo(json),
            _ => null,
        };

        if (value is null)
        {
            problem = $"must be {Expected(type)}";
        }

        return value;
    }

    private static string? TryGetString(JsonElement json)
    {
        try
        {
            return json.GetString();
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate: not text we can store.
            return null;
        }
    }

    private static GeoPointValue? ReadGeo(JsonElement json)
    {
        double? lat = null, lon = null;
        foreach (var property in json.EnumerateObject())
        {
            if (property.Value.ValueKind != JsonValueKind.Number || !property.Value.TryGetDouble(out var number))
            {
                return null;
            }

            switch (property.Name)
            {
                case "lat" or "latitude" when lat is null:
                    lat = number;
                    break;
                case "lon" or "longitude" when lon is null:
                    lon = number;
                    break;
                default:
                    return null;
            }
        }

        return lat is { } la && lon is { } lo ? new GeoPointValue(la, lo) : null;
    }

    private static string Expected(AttributeType type) => type switch
    {
        AttributeType.Int64 => "an INT64: a JSON integer, or a string holding one",
        AttributeType.Decimal => "a DECIMAL: a string such as \"12.50\" (or a JSON number) with at most 28 significant digits",
        AttributeType.Bool => "true or false",
        AttributeType.Date => "a DATE string yyyy-MM-dd",
        AttributeType.Timestamp => "an RFC 3339 TIMESTAMP string with an offset, such as \"2026-01-31T12:00:00Z\"",
        AttributeType.GeoPoint => "a GEO_POINT object {\"lat\": number, \"lon\": number}",
        _ => $"a {type.WireName()} JSON string",
    };
}
