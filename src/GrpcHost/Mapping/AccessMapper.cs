using Platform.Application.Access;
using Platform.Domain.Access;
using Proto = Platform.Access.V1;

namespace Platform.GrpcHost.Mapping;

/// <summary>Plain mapping between the access model and its protos. Secrets are never mapped here.</summary>
internal static class AccessMapper
{
    private const long MinSeconds = -62_135_596_800; // 0001-01-01T00:00:00Z
    private const long MaxSeconds = 253_402_300_799; // 9999-12-31T23:59:59Z

    public static Proto.ApiKey ToProto(ApiKey k, DateTime now) => new()
    {
        Name = k.ResourceName,
        DisplayName = k.DisplayName,
        Roles = { k.Roles },
        ExpireTime = Timestamps.ToProto(k.ExpireTime),
        KeyPrefix = k.KeyPrefix,
        State = k.IsRevoked ? Proto.ApiKey.Types.State.Revoked
            : k.IsExpired(now) ? Proto.ApiKey.Types.State.Expired
            : Proto.ApiKey.Types.State.Active,
        CreateTime = Timestamps.ToProto(k.CreateTime),
        LastUsedTime = Timestamps.ToProto(k.LastUsedTime),
        RevokeTime = Timestamps.ToProto(k.RevokeTime),
    };

    public static Proto.Member ToProto(Member m) => new()
    {
        Name = m.ResourceName,
        Subject = m.Subject,
        Issuer = m.Issuer,
        DisplayName = m.DisplayName,
        Roles = { m.Roles },
        CreateTime = Timestamps.ToProto(m.CreateTime),
        UpdateTime = Timestamps.ToProto(m.UpdateTime),
        Etag = m.Etag,
    };

    public static Proto.Role ToProto(RoleView r) => new()
    {
        Name = r.ResourceName,
        DisplayName = r.DisplayName,
        Description = r.Description,
        Permissions = { r.Permissions },
        BuiltIn = r.BuiltIn,
        CreateTime = Timestamps.ToProto(r.CreateTime),
        UpdateTime = Timestamps.ToProto(r.UpdateTime),
        Etag = r.Etag,
    };

    /// <summary>
    /// A timestamp outside what DateTime holds becomes <see cref="DateTime.MinValue"/>, which the domain
    /// rejects as a past time (INVALID_ARGUMENT) instead of the conversion throwing (INTERNAL).
    /// </summary>
    public static DateTime? ToDateTime(Google.Protobuf.WellKnownTypes.Timestamp? t) =>
        t is null ? null
        : t.Seconds is >= MinSeconds and <= MaxSeconds && t.Nanos is >= 0 and < 1_000_000_000 ? t.ToDateTime()
        : DateTime.MinValue;

    /// <summary>A repeated field that was not populated is "not given" (null), for updates.</summary>
    public static IReadOnlyList<string>? NullIfEmpty(Google.Protobuf.Collections.RepeatedField<string>? values) =>
        values is null || values.Count == 0 ? null : values.ToList();

    public static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
