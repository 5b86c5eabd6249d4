using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Infrastructure.Tests.Search.OpenSearch;

/// <summary>
/// The OpenSearch API specification (shared/opensearch-api-spec) read with <see cref="MiniYaml"/>, and a
/// structural JSON-Schema check for the keywords its schemas use: <c>$ref</c> (across files),
/// <c>allOf</c>, <c>anyOf</c>, <c>oneOf</c> (as at least one branch: the spec's branches overlap), <c>type</c>, <c>enum</c>, <c>const</c>,
/// <c>properties</c>, <c>required</c>, <c>additionalProperties</c>, <c>unevaluatedProperties</c>,
/// <c>propertyNames</c>, <c>min/maxProperties</c>, <c>items</c>, <c>min/maxItems</c>. Not checked:
/// <c>format</c>, <c>pattern</c> and numeric bounds (no JSON-Schema package is referenced by the test project).
/// </summary>
internal sealed class SpecSchema
{
    private readonly string _specDir;
    private readonly Dictionary<string, JsonNode?> _files = new(StringComparer.Ordinal);

    private SpecSchema(string root)
    {
        Root = root;
        _specDir = Path.Combine(root, "spec");
    }

    public string Root { get; }

    private static readonly Lazy<SpecSchema?> Shared = new(() => Locate() is { } root ? new SpecSchema(root) : null);

    /// <summary>
    /// The spec: PLATFORM_OPENSEARCH_SPEC when set, else shared/opensearch-api-spec beside or above the
    /// working tree, else the team's shared folder on these machines (a CI clone may live elsewhere).
    /// </summary>
    public static SpecSchema Instance => Shared.Value
        ?? throw new InvalidOperationException("shared/opensearch-api-spec was not found above " + AppContext.BaseDirectory);

    private static string? Locate()
    {
        foreach (var configured in new[] { Environment.GetEnvironmentVariable("PLATFORM_OPENSEARCH_SPEC"), "/work/shared/opensearch-api-spec" })
        {
            if (!string.IsNullOrEmpty(configured) && Directory.Exists(Path.Combine(configured, "spec")))
            {
                return configured;
            }
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { Path.Combine(dir.FullName, "shared", "opensearch-api-spec"), Path.Combine(dir.FullName, "opensearch-api-spec") })
            {
                if (Directory.Exists(Path.Combine(candidate, "spec")))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    /// <summary>The YAML file at <paramref name="path"/> (relative to the spec root), as JSON.</summary>
    public JsonNode? Load(string path)
    {
        var full = Path.GetFullPath(Path.Combine(Root, path));
        if (!_files.TryGetValue(full, out var node))
        {
            node = MiniYaml.Parse(File.ReadAllText(full));
            _files[full] = node;
        }

        return node;
    }

    public (JsonNode Schema, string File) RequestBody(string namespaceFile, string name, string contentType) =>
        Resolve($"spec/namespaces/{namespaceFile}", $"#/components/requestBodies/{name}/content/{Escape(contentType)}/schema");

    public (JsonNode Schema, string File) Response(string namespaceFile, string name) =>
        Resolve($"spec/namespaces/{namespaceFile}", $"#/components/responses/{name}/content/application~1json/schema");

    private static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    /// <summary>Follows a <c>$ref</c> (<c>file#/pointer</c> or <c>#/pointer</c>) from <paramref name="file"/>.</summary>
    public (JsonNode Schema, string File) Resolve(string file, string reference)
    {
        var hash = reference.IndexOf('#', StringComparison.Ordinal);
        var target = hash == 0 ? file : Path.GetRelativePath(Root, Path.GetFullPath(Path.Combine(Root, Path.GetDirectoryName(file)!, reference[..hash])));
        var node = Load(target);
        foreach (var token in reference[(hash + 1)..].Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            node = node is JsonObject o && o.TryGetPropertyValue(key, out var next)
                ? next
                : throw new KeyNotFoundException($"{reference} not found in {target} (at '{key}').");
        }

        return (node ?? throw new KeyNotFoundException($"{reference} is null in {target}."), target);
    }

    /// <summary>The violations of <paramref name="instance"/> against the schema (empty: valid).</summary>
    public List<string> Validate(JsonNode? instance, (JsonNode Schema, string File) schema)
    {
        var errors = new List<string>();
        Check(instance, schema.Schema, schema.File, "$", errors);
        return errors;
    }

    private void Check(JsonNode? value, JsonNode schema, string file, string path, List<string> errors)
    {
        if (schema is JsonValue b && b.TryGetValue<bool>(out var allowed))
        {
            if (!allowed)
            {
                errors.Add($"{path}: not allowed");
            }

            return;
        }

        if (schema is not JsonObject s)
        {
            return;
        }

        if (s["$ref"] is JsonValue r)
        {
            var (target, targetFile) = Resolve(file, r.GetValue<string>());
            Check(value, target, targetFile, path, errors);
        }

        if (s["allOf"] is JsonArray all)
        {
            foreach (var sub in all)
            {
                Check(value, sub!, file, path, errors);
            }
        }

        if (s["anyOf"] is JsonArray any && !any.Any(sub => Passes(value, sub!, file, path)))
        {
            errors.Add($"{path}: matches none of anyOf ({Describe(value)})");
        }

        // The spec's oneOf branches overlap (Sort: {"_score":{"order":"desc"}} is both FieldWithOrder and
        // SortOptions, and the server takes it), so oneOf is checked as "at least one branch", like anyOf.
        if (s["oneOf"] is JsonArray one && !one.Any(sub => Passes(value, sub!, file, path)))
        {
            errors.Add($"{path}: matches none of oneOf ({Describe(value)})");
        }

        if (s["type"] is { } type && !TypeMatches(value, type))
        {
            errors.Add($"{path}: expected type {type.ToJsonString()}, got {Describe(value)}");
            return;
        }

        if (s["enum"] is JsonArray choices && !choices.Any(c => JsonNode.DeepEquals(c, value)))
        {
            errors.Add($"{path}: {Describe(value)} not in enum {choices.ToJsonString()}");
        }

        if (s.ContainsKey("const") && !JsonNode.DeepEquals(s["const"], value))
        {
            errors.Add($"{path}: {Describe(value)} is not const {s["const"]?.ToJsonString()}");
        }

        if (value is JsonObject obj)
        {
            CheckObject(obj, s, file, path, errors);
        }
        else if (value is JsonArray array)
        {
            if (s["items"] is { } items)
            {
                for (var k = 0; k < array.Count; k++)
                {
                    Check(array[k], items, file, $"{path}[{k}]", errors);
                }
            }

            if (s["minItems"] is JsonValue min && array.Count < Int(min))
            {
                errors.Add($"{path}: fewer than {min} items");
            }

            if (s["maxItems"] is JsonValue max && array.Count > Int(max))
            {
                errors.Add($"{path}: more than {max} items");
            }
        }
    }

    private void CheckObject(JsonObject obj, JsonObject s, string file, string path, List<string> errors)
    {
        var properties = s["properties"] as JsonObject;
        if (s["required"] is JsonArray required)
        {
            foreach (var name in required.Select(n => n!.GetValue<string>()).Where(n => !obj.ContainsKey(n)))
            {
                errors.Add($"{path}: missing required '{name}'");
            }
        }

        foreach (var (key, child) in obj)
        {
            if (properties is not null && properties.TryGetPropertyValue(key, out var propSchema))
            {
                Check(child, propSchema!, file, $"{path}.{key}", errors);
            }
            else if (s.TryGetPropertyValue("additionalProperties", out var extra) && extra is not null)
            {
                Check(child, extra, file, $"{path}.{key}", errors);
            }

            if (s["propertyNames"] is { } names)
            {
                Check(JsonValue.Create(key), names, file, $"{path}.{key}(name)", errors);
            }
        }

        if (s["minProperties"] is JsonValue minP && obj.Count < Int(minP))
        {
            errors.Add($"{path}: fewer than {minP} properties");
        }

        if (s["maxProperties"] is JsonValue maxP && obj.Count > Int(maxP))
        {
            errors.Add($"{path}: more than {maxP} properties ({string.Join(", ", obj.Select(p => p.Key))})");
        }

        if (s.TryGetPropertyValue("unevaluatedProperties", out var unevaluated) && unevaluated is not null)
        {
            var evaluated = new HashSet<string>(StringComparer.Ordinal);
            if (!Evaluated(obj, s, file, path, evaluated))
            {
                foreach (var (key, child) in obj.Where(p => !evaluated.Contains(p.Key)))
                {
                    Check(child, unevaluated, file, $"{path}.{key}", errors);
                }
            }
        }
    }

    /// <summary>Collects the property names a schema (with its applicators) evaluates; true when it evaluates all.</summary>
    private bool Evaluated(JsonObject obj, JsonNode schema, string file, string path, HashSet<string> evaluated)
    {
        if (schema is not JsonObject s)
        {
            return false;
        }

        if (s["additionalProperties"] is not null || s["patternProperties"] is not null)
        {
            return true;
        }

        if (s["properties"] is JsonObject props)
        {
            evaluated.UnionWith(props.Select(p => p.Key));
        }

        var all = false;
        if (s["$ref"] is JsonValue r)
        {
            var (target, targetFile) = Resolve(file, r.GetValue<string>());
            all |= Evaluated(obj, target, targetFile, path, evaluated);
        }

        foreach (var keyword in new[] { "allOf", "anyOf", "oneOf" })
        {
            if (s[keyword] is JsonArray subs)
            {
                foreach (var sub in subs.Where(sub => keyword == "allOf" || Passes(obj, sub!, file, path)))
                {
                    all |= Evaluated(obj, sub!, file, path, evaluated);
                }
            }
        }

        return all;
    }

    private bool Passes(JsonNode? value, JsonNode schema, string file, string path)
    {
        var errors = new List<string>();
        Check(value, schema, file, path, errors);
        return errors.Count == 0;
    }

    private static bool TypeMatches(JsonNode? value, JsonNode type) => type is JsonArray types
        ? types.Any(t => TypeMatches(value, t!.GetValue<string>()))
        : TypeMatches(value, type.GetValue<string>());

    private static bool TypeMatches(JsonNode? value, string type)
    {
        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        return type switch
        {
            "object" => kind == JsonValueKind.Object,
            "array" => kind == JsonValueKind.Array,
            "string" => kind == JsonValueKind.String,
            "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
            "null" => kind == JsonValueKind.Null,
            "number" => kind == JsonValueKind.Number,
            "integer" => kind == JsonValueKind.Number
                && decimal.TryParse(value!.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d)
                && decimal.Floor(d) == d,
            _ => true,
        };
    }

    private static long Int(JsonNode node) => long.Parse(node.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    private static string Describe(JsonNode? value)
    {
        var text = value?.ToJsonString() ?? "null";
        return text.Length > 120 ? text[..120] + "…" : text;
    }
}
