using Platform.Application.Access;
using Platform.Domain.Access;
using Proto = Platform.Access.V1;

namespace Platform.GrpcHost.Mapping;

/// <summary>Plain mapping between the access model and its protos. Secrets are never mapped here.</summary>
internal static class AccessMapper
{
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

    public static DateTime? ToDateTime(Google.Protobuf.WellKnownTypes.Timestamp? t) => t?.ToDateTime();

    /// <summary>A repeated field that was not populated is "not given" (null), for updates.</summary>
    public static IReadOnlyList<string>? NullIfEmpty(Google.Protobuf.Collections.RepeatedField<string>? values) =>
        values is null || values.Count == 0 ? null : values.ToList();

    public static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
