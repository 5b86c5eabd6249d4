using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Platform.Domain.Common;

namespace Platform.Application.Common;

/// <summary>
/// Opaque keyset page tokens. A token carries the last row's sort key and a fingerprint of the
/// query it belongs to, so a token replayed with a different filter or order is rejected
/// (AIP-158) instead of silently returning a wrong page.
/// </summary>
public static class PageToken
{
    private const string Field = "page_token";

    public static string Encode(string queryFingerprint, IReadOnlyList<string> key)
    {
        var payload = new TokenPayload(queryFingerprint, key.ToArray());
        return Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload, PageTokenJson.Default.TokenPayload));
    }

    /// <summary>Returns the key of an empty token as null.</summary>
    public static Result<IReadOnlyList<string>?> Decode(string? token, string queryFingerprint)
    {
        if (string.IsNullOrEmpty(token))
        {
            return Result<IReadOnlyList<string>?>.Success(null);
        }

        TokenPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(token), PageTokenJson.Default.TokenPayload);
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            payload = null;
        }

        if (payload?.K is null)
        {
            return Invalid("is malformed");
        }

        return payload.F == queryFingerprint
            ? Result<IReadOnlyList<string>?>.Success(payload.K)
            : Invalid("belongs to a query with different parameters; keep filter, order_by and show_deleted unchanged while paging");
    }

    /// <summary>A short, stable digest of the parameters that must not change between pages.</summary>
    public static string Fingerprint(params string[] parts)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        return Convert.ToHexString(bytes, 0, 8);
    }

    /// <summary>For tokens that decode but carry a key the caller cannot use.</summary>
    public static Error Malformed() => Invalid("is malformed");

    private static Error Invalid(string description) =>
        Error.Custom(ErrorKind.Invalid, ErrorReasons.InvalidPageToken, $"Invalid page_token: {description}.",
            [new FieldViolation(Field, description)]);

    internal sealed record TokenPayload(string F, string[] K);
}
