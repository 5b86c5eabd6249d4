using Platform.Application.Abstractions;
using Platform.Domain.Common;

namespace Platform.Application.Tenancy;

/// <summary>A tenant can only be put on a plan that exists in the catalog.</summary>
internal static class TenantPlans
{
    public static async Task<Error?> CheckExistsAsync(IPlanRepository plans, string planName, CancellationToken ct) =>
        Domain.Quota.PlanRules.IdOf(planName) is { } id && await plans.FindAsync(id, ct) is not null
            ? null
            : Error.Validation("tenant.plan", $"{planName} does not exist");
}
