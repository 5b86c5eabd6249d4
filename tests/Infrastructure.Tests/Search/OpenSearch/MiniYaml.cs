using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Platform.Infrastructure.Tests.Search.OpenSearch;

/// <summary>
/// A small YAML reader for the subset the OpenSearch API specification uses (no YAML package is
/// referenced by the test project): block mappings and sequences by indentation, compact
/// "- key: value" items, flow collections (possibly over several lines), single/double-quoted and
/// plain scalars (plain ones may continue on more indented lines), literal/folded block scalars and
/// comments. Anchors, tags and multiple documents are not supported (the spec uses none).
/// </summary>
internal sealed class MiniYaml
{
    private readonly List<(int Indent, string Text, int Raw)> _lines = [];
    private readonly string[] _raw;
    private int _i;

    private MiniYaml(string text)
    {
        _raw = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var r = 0; r < _raw.Length; r++)
        {
            var stripped = StripComment(_raw[r]).TrimEnd();
            if (stripped.Trim().Length == 0 || stripped.TrimStart() == "---")
            {
                continue;
            }

            _lines.Add((stripped.Length - stripped.TrimStart().Length, stripped.TrimStart(), r));
        }
    }

    public static JsonNode? Parse(string text)
    {
        var yaml = new MiniYaml(text);
        return yaml._lines.Count == 0 ? null : yaml.Node(yaml._lines[0].Indent);
    }

    private JsonNode? Node(int indent) => IsItem(_lines[_i].Text) ? Sequence(indent) : Mapping(indent);

    private static bool IsItem(string text) => text == "-" || text.StartsWith("- ", StringComparison.Ordinal);

    private JsonArray Sequence(int indent)
    {
        var array = new JsonArray();
        while (_i < _lines.Count && _lines[_i].Indent == indent && IsItem(_lines[_i].Text))
        {
            var line = _lines[_i];
            var rest = line.Text.Length > 1 ? line.Text[2..].TrimStart() : "";
            if (rest.Length == 0)
            {
                _i++;
                array.Add(_i < _lines.Count && _lines[_i].Indent > indent ? Node(_lines[_i].Indent) : null);
                continue;
            }

            var inner = indent + (line.Text.Length - rest.Length);
            if (IsItem(rest) || KeyEnd(rest) >= 0)
            {
                // The item is a block node starting on this line: re-read the rest at its own column.
                _lines[_i] = (inner, rest, line.Raw);
                array.Add(Node(inner));
            }
            else
            {
                array.Add(Value(rest, indent));
            }
        }

        return array;
    }

    private JsonObject Mapping(int indent)
    {
        var map = new JsonObject();
        while (_i < _lines.Count && _lines[_i].Indent == indent && !IsItem(_lines[_i].Text))
        {
            var text = _lines[_i].Text;
            var end = KeyEnd(text);
            if (end < 0)
            {
                throw new FormatException($"Line {_lines[_i].Raw + 1}: expected 'key: value', got '{text}'.");
            }

            var key = Unquote(text[..end].Trim());
            var rest = text[(end + 1)..].Trim();
            if (rest.Length == 0)
            {
                _i++;
                if (_i < _lines.Count && (_lines[_i].Indent > indent || (_lines[_i].Indent == indent && IsItem(_lines[_i].Text))))
                {
                    map[key] = Node(_lines[_i].Indent);
                }
                else
                {
                    map[key] = null;
                }
            }
            else
            {
                map[key] = Value(rest, indent);
            }
        }

        return map;
    }

    /// <summary>The value that starts with <paramref name="rest"/> on line <see cref="_i"/>; consumes its lines.</summary>
    private JsonNode? Value(string rest, int indent)
    {
        var raw = _lines[_i].Raw;
        _i++;
        if (rest[0] is '|' or '>')
        {
            var block = new List<string>();
            for (var r = raw + 1; r < _raw.Length; r++)
            {
                var l = _raw[r];
                if (l.Trim().Length > 0 && l.Length - l.TrimStart().Length <= indent)
                {
                    break;
                }

                block.Add(l.Trim());
            }

            while (_i < _lines.Count && _lines[_i].Raw <= raw + block.Count)
            {
                _i++;
            }

            return JsonValue.Create(string.Join(rest[0] == '|' ? "\n" : " ", block).Trim());
        }

        if (rest[0] is '{' or '[')
        {
            var text = new StringBuilder(rest);
            while (!Balanced(text.ToString()))
            {
                text.Append(' ').Append(_lines[_i++].Text);
            }

            var at = 0;
            return Flow(text.ToString(), ref at);
        }

        if (rest[0] is '"' or '\'')
        {
            return JsonValue.Create(Unquote(rest));
        }

        var plain = new StringBuilder(rest);
        while (_i < _lines.Count && _lines[_i].Indent > indent)
        {
            plain.Append(' ').Append(_lines[_i++].Text);
        }

        return Scalar(plain.ToString());
    }

    private static JsonNode? Flow(string s, ref int at)
    {
        Skip(s, ref at);
        if (s[at] == '{')
        {
            at++;
            var map = new JsonObject();
            while (true)
            {
                Skip(s, ref at);
                if (s[at] == '}')
                {
                    at++;
                    return map;
                }

                var key = FlowScalar(s, ref at, isKey: true);
                Skip(s, ref at);
                JsonNode? value = null;
                if (s[at] == ':')
                {
                    at++;
                    Skip(s, ref at);
                    value = s[at] is ',' or '}' ? null : Flow(s, ref at);
                }

                map[key?.ToString() ?? ""] = value;
                Skip(s, ref at);
                if (s[at] == ',')
                {
                    at++;
                }
            }
        }

        if (s[at] == '[')
        {
            at++;
            var array = new JsonArray();
            while (true)
            {
                Skip(s, ref at);
                if (s[at] == ']')
                {
                    at++;
                    return array;
                }

                array.Add(Flow(s, ref at));
                Skip(s, ref at);
                if (s[at] == ',')
                {
                    at++;
                }
            }
        }

        return FlowScalar(s, ref at, isKey: false);
    }

    private static JsonValue? FlowScalar(string s, ref int at, bool isKey)
    {
        if (s[at] is '"' or '\'')
        {
            var start = at;
            var quote = s[at++];
            while (s[at] != quote || (quote == '"' && s[at - 1] == '\\') || (quote == '\'' && at + 1 < s.Length && s[at + 1] == '\''))
            {
                at += quote == '\'' && s[at] == '\'' ? 2 : 1;
            }

            at++;
            return JsonValue.Create(Unquote(s[start..at]));
        }

        var begin = at;
        while (at < s.Length && s[at] is not (',' or '}' or ']') && !(isKey && s[at] == ':' && (at + 1 >= s.Length || s[at + 1] is ' ' or ',' or '}')))
        {
            at++;
        }

        var text = s[begin..at].Trim();
        return isKey ? JsonValue.Create(text) : Scalar(text);
    }

    private static void Skip(string s, ref int at)
    {
        while (at < s.Length && char.IsWhiteSpace(s[at]))
        {
            at++;
        }
    }

    private static JsonValue? Scalar(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True":
                return JsonValue.Create(true);
            case "false" or "False":
                return JsonValue.Create(false);
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
        {
            return JsonValue.Create(l);
        }

        if (text.Any(char.IsDigit) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !text.StartsWith('.'))
        {
            return JsonValue.Create(d);
        }

        return JsonValue.Create(text);
    }

    private static string Unquote(string text)
    {
        if (text.Length >= 2 && text[0] == '\'' && text[^1] == '\'')
        {
            return text[1..^1].Replace("''", "'", StringComparison.Ordinal);
        }

        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"')
        {
            var sb = new StringBuilder();
            for (var k = 1; k < text.Length - 1; k++)
            {
                if (text[k] == '\\' && k + 1 < text.Length - 1)
                {
                    k++;
                    sb.Append(text[k] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => text[k] });
                }
                else
                {
                    sb.Append(text[k]);
                }
            }

            return sb.ToString();
        }

        return text;
    }

    /// <summary>Where the key of a block mapping line ends (its ':'), or -1; quotes and flow brackets are skipped.</summary>
    private static int KeyEnd(string text)
    {
        if (text.Length == 0 || text[0] is '{' or '[')
        {
            return -1;
        }

        var k = 0;
        if (text[0] is '"' or '\'')
        {
            var quote = text[0];
            k = 1;
            while (k < text.Length && text[k] != quote)
            {
                k += text[k] == '\\' && quote == '"' ? 2 : 1;
            }

            k++;
        }

        for (; k < text.Length; k++)
        {
            if (text[k] == ':' && (k + 1 == text.Length || text[k + 1] == ' '))
            {
                return k;
            }

            if (text[k] is '"' or '\'' && k > 0 && text[k - 1] == ' ')
            {
                return -1;
            }
        }

        return -1;
    }

    private static bool Balanced(string text)
    {
        var depth = 0;
        char? quote = null;
        foreach (var c in text)
        {
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c is '{' or '[')
            {
                depth++;
            }
            else if (c is '}' or ']')
            {
                depth--;
            }
        }

        return depth == 0;
    }

    private static string StripComment(string line)
    {
        char? quote = null;
        for (var k = 0; k < line.Length; k++)
        {
            var c = line[k];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'' && (k == 0 || line[k - 1] is ' ' or '[' or '{' or ',' or ':'))
            {
                quote = c;
            }
            else if (c == '#' && (k == 0 || line[k - 1] == ' '))
            {
                return line[..k];
            }
        }

        return line;
    }
}
