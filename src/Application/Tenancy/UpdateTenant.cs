using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Tenancy;

namespace Platform.Application.Tenancy;

/// <param name="Values">The request's tenant; a null member was not populated.</param>
/// <param name="UpdateMask">AIP-161 paths; empty means "every populated field", <c>*</c> means all.</param>
public sealed record UpdateTenantCommand(string Name, string? Etag, TenantSettings Values, IReadOnlyList<string> UpdateMask)
    : ICommand<Result<Tenant>>, IValidatable
{
    public static readonly IReadOnlyList<string> UpdatablePaths =
        ["display_name", "tier", "subdomain", "custom_domains", "labels", "time_zone", "plan", "billing_anchor_day"];

    public Error? Validate()
    {
        var v = new Validation().Merge(TenantId.FromResourceName(Name, "tenant.name").Error);
        foreach (var path in UpdateMask)
        {
            v.Check(path == "*" || UpdatablePaths.Contains(path), "update_mask",
                $"'{path}' is not updatable; use one of {string.Join(", ", UpdatablePaths)} or *");
        }

        v.Check(!(UpdateMask.Contains("tier") || UpdateMask.Contains("*")) || Values.Tier is not null,
            "tenant.tier", "must be specified when it is in the update mask");
        return v.ToError();
    }

    /// <summary>The changes the mask selects; masked-but-empty fields reset to their defaults.</summary>
    internal TenantSettings Changes(TenantId id)
    {
        if (UpdateMask.Count == 0)
        {
            return Values;
        }

        bool In(string path) => UpdateMask.Contains("*") || UpdateMask.Contains(path);
        return new TenantSettings(
            DisplayName: In("display_name") ? Values.DisplayName ?? "" : null,
            Tier: In("tier") ? Values.Tier : null,
            Subdomain: In("subdomain") ? Values.Subdomain ?? id.Value : null,
            CustomDomains: In("custom_domains") ? Values.CustomDomains ?? [] : null,
            Labels: In("labels") ? Values.Labels ?? new Dictionary<string, string>() : null,
            TimeZone: In("time_zone") ? Values.TimeZone ?? TenantRules.DefaultTimeZone : null,
            Plan: In("plan") ? Values.Plan ?? Domain.Quota.Plan.NameOf(Domain.Quota.PlanRules.DefaultPlanId) : null,
            BillingAnchorDay: In("billing_anchor_day") ? Values.BillingAnchorDay ?? 1 : null);
    }
}

internal sealed class UpdateTenantHandler(ITenantRepository tenants, IPlanRepository plans, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<UpdateTenantCommand, Result<Tenant>>
{
    public async ValueTask<Result<Tenant>> Handle(UpdateTenantCommand command, CancellationToken ct)
    {
        var id = TenantId.FromResourceName(command.Name).Value;
        var now = clock.GetUtcNow().UtcDateTime;
        if (!(await tenants.LoadAsync(id, now, ct)).TryGetValue(out var tenant, out var notFound))
        {
            return notFound;
        }

        if (tenant.CheckEtag(command.Etag) is { } stale)
        {
            return stale;
        }

        if (command.Changes(id).Plan is { } plan && await TenantPlans.CheckExistsAsync(plans, plan, ct) is { } unknownPlan)
        {
            return unknownPlan;
        }

        var previousSubdomain = tenant.Subdomain;
        if (!tenant.Update(command.Changes(id), now).TryGetValue(out _, out var invalid))
        {
            return invalid;
        }

        if (tenant.Subdomain != previousSubdomain && await tenants.IsSubdomainTakenAsync(tenant.Subdomain, id, ct))
        {
            return Error.ValueTaken("tenant.subdomain", tenant.Subdomain);
        }

        return TenantSaveErrors.From(await unitOfWork.SaveChangesAsync(ct), tenant) is { } error ? error : tenant;
    }
}
