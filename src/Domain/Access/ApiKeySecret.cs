using System.Security.Cryptography;
using System.Text;

namespace Platform.Domain.Access;

/// <summary>
/// API key secrets: <c>tk_</c> + 64 URL-safe characters (384 bits). The first
/// <see cref="LookupLength"/> characters after the prefix locate the key; only a SHA-256 hash of
/// the whole secret is stored. A fast hash is right here because the secret is random and long:
/// there is nothing to brute-force that a slow hash would protect (unlike passwords).
/// </summary>
public static class ApiKeySecret
{
    public const string Prefix = "tk_";
    public const int SecretLength = 64;
    public const int LookupLength = 12;
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static readonly System.Buffers.SearchValues<char> AlphabetValues = System.Buffers.SearchValues.Create(Alphabet);

    public static string Generate() => Prefix + RandomNumberGenerator.GetString(Alphabet, SecretLength);

    /// <summary>True when <paramref name="value"/> has the shape of a key (not that it exists).</summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: 3 + SecretLength } && value.StartsWith(Prefix, StringComparison.Ordinal) &&
        value.AsSpan(Prefix.Length).IndexOfAnyExcept(AlphabetValues) < 0;

    /// <summary>The part shown in listings and used for lookup, e.g. <c>tk_Ab3dE5fG7hJ9</c>.</summary>
    public static string LookupPrefix(string secret) => secret[..(Prefix.Length + LookupLength)];

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));
}
