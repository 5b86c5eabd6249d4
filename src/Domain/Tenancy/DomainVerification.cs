using System.Security.Cryptography;

namespace Platform.Domain.Tenancy;

/// <summary>How ownership of a custom domain is proven: a TXT record carrying a random token.</summary>
public static class DomainVerification
{
    public const string RecordPrefix = "_platform-verification.";
    public const string ValuePrefix = "platform-verification=";

    public static string NewToken() => RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 32);

    public static string RecordName(string domain) => RecordPrefix + domain;

    public static string RecordValue(string token) => ValuePrefix + token;
}
