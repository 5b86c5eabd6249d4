using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Domain.Billing;

/// <summary>
/// One validated usage event (see <see cref="UsageEventRules"/>): its time is kept to the
/// microsecond and its quantity in canonical form, because both are what the store keeps and
/// what <see cref="PayloadHash"/> compares when a key is delivered again.
/// </summary>
public sealed record UsageEvent(string Metric, decimal Quantity, DateTimeOffset EventTime, string IdempotencyKey,
    IReadOnlyDictionary<string, string> Properties)
{
    /// <summary>The quantity as stored: no trailing zeros, no exponent, invariant culture ("1.50" is "1.5").</summary>
    public string QuantityText => Canonical(Quantity);

    /// <summary>
    /// What makes two deliveries of one key "the same event": metric, quantity, time and properties
    /// (in key order). Length-prefixed so no two different payloads share an input.
    /// </summary>
    public string PayloadHash
    {
        get
        {
            var text = new StringBuilder();
            Part(text, Metric);
            Part(text, QuantityText);
            Part(text, EventTime.UtcTicks.ToString(CultureInfo.InvariantCulture));
            foreach (var (key, value) in Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                Part(text, key);
                Part(text, value);
            }

            return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
        }
    }

    public static string Canonical(decimal quantity) => quantity.ToString("0.#########", CultureInfo.InvariantCulture);

    private static void Part(StringBuilder text, string value) => text.Append(value.Length).Append(':').Append(value).Append('|');
}
