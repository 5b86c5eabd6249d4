using Platform.Application.Quota;
using Platform.Domain.Quota;
using Proto = Platform.Quota.V1;

namespace Platform.GrpcHost.Mapping;

/// <summary>Plain mapping between plans, limits and quota views and their protos.</summary>
internal static class QuotaMapper
{
    public static Proto.Plan ToProto(Plan p) => new()
    {
        Name = p.ResourceName,
        DisplayName = p.DisplayName,
        Description = p.Description,
        Limits = { p.Limits.Select(ToProto) },
        CreateTime = Timestamps.ToProto(p.CreateTime),
        UpdateTime = Timestamps.ToProto(p.UpdateTime),
        Etag = p.Etag,
    };

    public static Proto.Limit ToProto(Limit l) => new()
    {
        Metric = l.Metric,
        Window = (Proto.LimitWindow)(int)l.Window,
        Value = l.Value,
        Unlimited = l.Unlimited,
        Burst = l.Burst,
        LimitId = l.LimitId,
    };

    public static Limit ToDomain(Proto.Limit? l) => l is null
        ? new Limit("", LimitWindow.None, 0)
        : new Limit(l.Metric, (LimitWindow)(int)l.Window, l.Value, l.Unlimited, l.Burst);

    public static IReadOnlyList<Limit> ToDomain(IEnumerable<Proto.Limit> limits) => [.. limits.Select(ToDomain)];

    public static Proto.Quota ToProto(QuotaView q) => new()
    {
        Name = q.ResourceName,
        Plan = Plan.NameOf(q.PlanId),
        Limits = { q.Limits.Select(ToProto) },
    };

    public static Proto.QuotaLimit ToProto(LimitStatus s) => new()
    {
        Limit = ToProto(s.Effective.Limit),
        Source = s.Effective.Overridden ? Proto.QuotaLimit.Types.Source.Override : Proto.QuotaLimit.Types.Source.Plan,
        Usage = s.Usage,
        Remaining = s.Remaining,
        ResetTime = Timestamps.ToProto(s.ResetTime),
    };

    public static Proto.CheckQuotaResponse ToProto(QuotaCheck c) => new()
    {
        Allowed = c.Allowed,
        DeniedLimitId = c.DeniedLimitId ?? "",
        Limits = { c.Limits.Select(ToProto) },
    };
}
