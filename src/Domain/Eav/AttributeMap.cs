using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Platform.Domain.Eav.Values;

namespace Platform.Domain.Eav;

/// <summary>
/// An entity's canonical attribute values, keyed and enumerated in ordinal key order so the
/// serialized form (and so every diff, hash and etag over it) is deterministic.
/// </summary>
[SuppressMessage("Naming", "CA1710", Justification = "\"Attribute map\" is the API's term for an entity's attributes.")]
public sealed class AttributeMap : IReadOnlyDictionary<string, AttributeValue>
{
    public static readonly AttributeMap Empty = new([]);

    private readonly SortedDictionary<string, AttributeValue> _values;

    public AttributeMap(IEnumerable<KeyValuePair<string, AttributeValue>> values)
    {
        _values = new SortedDictionary<string, AttributeValue>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            _values[key] = value;
        }
    }

    public int Count => _values.Count;

    public IEnumerable<string> Keys => _values.Keys;

    public IEnumerable<AttributeValue> Values => _values.Values;

    public AttributeValue this[string key] => _values[key];

    /// <summary>The value of <paramref name="key"/>, or null when the entity has none.</summary>
    public AttributeValue? Get(string key) => _values.GetValueOrDefault(key);

    public bool ContainsKey(string key) => _values.ContainsKey(key);

    public bool TryGetValue(string key, out AttributeValue value) => _values.TryGetValue(key, out value!);

    public IEnumerator<KeyValuePair<string, AttributeValue>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
