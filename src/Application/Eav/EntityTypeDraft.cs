using System.Text.Json;
using Platform.Domain.Common;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;

namespace Platform.Application.Eav;

/// <summary>
/// An attribute as a client sent it: values (default, min, max) are still JSON, because reading
/// them needs the attribute's type and a bad one is a field violation, not a transport failure.
/// </summary>
public sealed record AttributeDraft(string Key, AttributeType Type)
{
    public bool Repeated { get; init; }
    public bool Required { get; init; }
    public bool Unique { get; init; }
    public string? DefaultJson { get; init; }
    public bool Filterable { get; init; }
    public bool Sortable { get; init; }
    public bool Searchable { get; init; }
    public string? MinJson { get; init; }
    public string? MaxJson { get; init; }
    public int? MaxLength { get; init; }
    public string? Pattern { get; init; }
    public IReadOnlyList<string> EnumValues { get; init; } = [];
    public string? ReferenceTypeId { get; init; }
    public string DisplayName { get; init; } = "";
    public string Description { get; init; } = "";
    public bool Hidden { get; init; }
}

/// <summary>The schema a client asks for, before its JSON values are read.</summary>
public sealed record EntityTypeDraft(string DisplayName, string Description, IReadOnlyList<AttributeDraft> Attributes, IReadOnlyList<QueryHint> QueryHints)
{
    /// <summary>A stable digest of the content, for idempotency.</summary>
    public string Fingerprint() => Common.PageToken.Fingerprint(JsonSerializer.Serialize(this));

    /// <summary>
    /// Reads every attribute's JSON values into typed ones; violations name <c>{field}.attributes[i]…</c>
    /// and an unreadable value is left out, so the definition rules can still report the rest.
    /// </summary>
    public static IReadOnlyList<AttributeDefinition> ReadAttributes(Validation v, IReadOnlyList<AttributeDraft> drafts, string field = "entity_type")
    {
        var attributes = new List<AttributeDefinition>(drafts.Count);
        for (var i = 0; i < drafts.Count; i++)
        {
            var d = drafts[i];
            var path = $"{field}.attributes[{i}]";
            var shape = new AttributeDefinition { Key = d.Key, Type = d.Type, Repeated = d.Repeated };
            var scalar = shape with { Repeated = false };
            attributes.Add(shape with
            {
                Required = d.Required,
                Unique = d.Unique,
                Default = Read(v, shape, d.DefaultJson, $"{path}.default"),
                Filterable = d.Filterable,
                Sortable = d.Sortable,
                Searchable = d.Searchable,
                DisplayName = d.DisplayName,
                Description = d.Description,
                Hidden = d.Hidden,
                Constraints = new AttributeConstraints
                {
                    Min = Read(v, scalar, d.MinJson, $"{path}.constraints.min"),
                    Max = Read(v, scalar, d.MaxJson, $"{path}.constraints.max"),
                    MaxLength = d.MaxLength,
                    Pattern = d.Pattern,
                    EnumValues = d.EnumValues,
                    ReferenceTypeId = d.ReferenceTypeId,
                },
            });
        }

        return attributes;
    }

    /// <summary>The domain spec; values that could not be read are missing and reported in <paramref name="v"/>.</summary>
    public EntityTypeSpec ToSpec(Validation v, string field = "entity_type") =>
        new(DisplayName, Description, ReadAttributes(v, Attributes, field), QueryHints);

    private static AttributeValue? Read(Validation v, AttributeDefinition shape, string? json, string field)
    {
        // An unknown type is reported by the definition rules; its values cannot be read.
        if (json is null || !Enum.IsDefined(shape.Type))
        {
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            v.Add(field, "must be a JSON value");
            return null;
        }

        using var _ = document;
        if (document.RootElement.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var value = AttributeJsonReader.ReadValue(shape, document.RootElement, out var problem);
        v.Check(value is not null, field, problem);
        return value;
    }
}
