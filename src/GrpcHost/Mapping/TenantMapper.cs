using Platform.Application.Tenancy;
using Platform.Domain.Tenancy;
using Proto = Platform.Tenancy.V1;

namespace Platform.GrpcHost.Mapping;

/// <summary>Plain mapping between the tenant aggregate and its proto (a few lines beat a mapper config).</summary>
internal static class TenantMapper
{
    // Cached tenant snapshots (from the tenant directory) are immutable: their message is built
    // once and reused until the snapshot is replaced. gRPC only reads response messages.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Tenant, Proto.Tenant> Snapshots = new();

    public static Proto.Tenant ToProtoSnapshot(Tenant t) => Snapshots.GetValue(t, ToProto);

    public static Proto.Tenant ToProto(Tenant t)
    {
        var proto = new Proto.Tenant
        {
            Name = t.ResourceName,
            TenantId = t.Id.Value,
            DisplayName = t.DisplayName,
            Tier = (Proto.Tenant.Types.Tier)(int)t.Tier,
            State = (Proto.Tenant.Types.State)(int)t.State,
            Subdomain = t.Subdomain,
            TimeZone = t.TimeZone,
            CreateTime = Timestamps.ToProto(t.CreateTime),
            UpdateTime = Timestamps.ToProto(t.UpdateTime),
            DeleteTime = Timestamps.ToProto(t.DeleteTime),
            PurgeTime = Timestamps.ToProto(t.PurgeTime),
            Etag = t.Etag,
            Plan = Domain.Quota.Plan.NameOf(t.PlanId),
            BillingAnchorDay = t.BillingAnchorDay,
        };
        proto.CustomDomains.AddRange(t.CustomDomains.Select(d => new Proto.CustomDomain { Domain = d.Domain, Verified = d.Verified, VerificationToken = d.VerificationToken }));
        foreach (var (key, value) in t.Labels)
        {
            proto.Labels[key] = value;
        }

        return proto;
    }

    public static Proto.AddCustomDomainResponse ToProto(CustomDomainAdded added) => new()
    {
        Tenant = ToProto(added.Tenant),
        VerificationRecord = new Proto.DnsVerificationRecord
        {
            Name = DomainVerification.RecordName(added.Domain.Domain),
            Type = "TXT",
            Value = DomainVerification.RecordValue(added.Domain.VerificationToken),
        },
    };

    /// <summary>The client-settable fields; unpopulated ones become null ("not given").</summary>
    public static TenantSettings ToSettings(Proto.Tenant? t) => t is null
        ? new TenantSettings()
        : new TenantSettings(
            DisplayName: NullIfEmpty(t.DisplayName),
            Tier: t.Tier == Proto.Tenant.Types.Tier.Unspecified ? null : (Tier)(int)t.Tier,
            Subdomain: NullIfEmpty(t.Subdomain),
            CustomDomains: t.CustomDomains.Count == 0 ? null : t.CustomDomains.Select(d => d.Domain).ToList(),
            Labels: t.Labels.Count == 0 ? null : new Dictionary<string, string>(t.Labels),
            TimeZone: NullIfEmpty(t.TimeZone),
            Plan: NullIfEmpty(t.Plan),
            BillingAnchorDay: t.BillingAnchorDay == 0 ? null : t.BillingAnchorDay);

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
