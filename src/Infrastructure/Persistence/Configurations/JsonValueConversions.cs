using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Platform.Infrastructure.Persistence.Configurations;

/// <summary>Small collections stored as one JSON document column, compared by content.</summary>
internal static class JsonValueConversions
{
    public static ValueConverter<IReadOnlyList<T>, string> ListConverter<T>() => new(
        v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
        v => JsonSerializer.Deserialize<List<T>>(v, JsonSerializerOptions.Default) ?? new List<T>());

    public static ValueComparer<IReadOnlyList<T>> ListComparer<T>() => new(
        (a, b) => a!.SequenceEqual(b!),
        v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)),
        v => v.ToList());

    public static ValueConverter<IReadOnlyDictionary<string, string>, string> MapConverter() => new(
        v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
        v => JsonSerializer.Deserialize<Dictionary<string, string>>(v, JsonSerializerOptions.Default) ?? new Dictionary<string, string>());

    public static ValueComparer<IReadOnlyDictionary<string, string>> MapComparer() => new(
        (a, b) => SameEntries(a!, b!),
        v => v.OrderBy(p => p.Key, StringComparer.Ordinal).Aggregate(0, (h, p) => HashCode.Combine(h, p.Key, p.Value)),
        v => new Dictionary<string, string>(v));

    private static bool SameEntries(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var x) && x == p.Value);
}
