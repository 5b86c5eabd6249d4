using System.Globalization;
using System.Text;
using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Tenancy;

namespace Platform.Application.Tenancy;

public sealed record CreateTenantCommand(string TenantId, TenantSettings Settings, string? RequestId)
    : ICommand<Result<Tenant>>, IValidatable
{
    public Error? Validate()
    {
        var id = Domain.Tenancy.TenantId.Create(TenantId);
        var v = new Validation().Merge(id.Error);
        // All field errors at once: the settings are checked even when the id is bad.
        v.Merge(Tenant.Check(Settings, id.IsSuccess ? id.Value.Value : "").ToError());
        RequestIds.Check(v, RequestId);
        return v.ToError();
    }

    /// <summary>Canonical content, so a reused request_id with a different body is detected.</summary>
    internal string Fingerprint()
    {
        var s = Settings;
        var sb = new StringBuilder().Append(TenantId).Append('|').Append(s.DisplayName).Append('|')
            .Append(s.Tier?.ToString() ?? "").Append('|').Append(s.Subdomain).Append('|').Append(s.TimeZone).Append('|')
            .Append(s.Plan).Append('|').Append(s.BillingAnchorDay?.ToString(CultureInfo.InvariantCulture) ?? "").Append('|')
            .AppendJoin(',', s.CustomDomains ?? []).Append('|');
        foreach (var (k, val) in (s.Labels ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sb.Append(CultureInfo.InvariantCulture, $"{k}={val};");
        }

        return PageToken.Fingerprint(sb.ToString());
    }
}

internal sealed class CreateTenantHandler(
    ITenantRepository tenants,
    IPlanRepository plans,
    IIdempotencyStore idempotency,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<CreateTenantCommand, Result<Tenant>>
{
    private const string Scope = "platform.tenancy.v1.TenantService/CreateTenant";

    public async ValueTask<Result<Tenant>> Handle(CreateTenantCommand command, CancellationToken ct)
    {
        var result = await CreateAsync(command, ct);

        // A conflict may be our own concurrent retry that committed between our checks: if the
        // request_id is now recorded, answer as that retry did.
        if (result.Error is { Kind: ErrorKind.AlreadyExists } && command.RequestId is { } requestId &&
            await ReplayAsync(requestId, command.Fingerprint(), clock.GetUtcNow().UtcDateTime, ct) is { } replay)
        {
            return replay;
        }

        return result;
    }

    private async ValueTask<Result<Tenant>> CreateAsync(CreateTenantCommand command, CancellationToken ct)
    {
        var id = TenantId.Create(command.TenantId).Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var fingerprint = command.Fingerprint();
        if (command.RequestId is { } requestId && await ReplayAsync(requestId, fingerprint, now, ct) is { } replay)
        {
            return replay;
        }

        if (!Tenant.Create(id, command.Settings, now).TryGetValue(out var tenant, out var invalid))
        {
            return invalid;
        }

        if (await TenantPlans.CheckExistsAsync(plans, Domain.Quota.Plan.NameOf(tenant.PlanId), ct) is { } unknownPlan)
        {
            return unknownPlan;
        }

        if (await tenants.FindAsync(id, ct) is not null)
        {
            return Error.AlreadyExists(id.ResourceName);
        }

        if (await tenants.IsSubdomainTakenAsync(tenant.Subdomain, id, ct))
        {
            return Error.ValueTaken("tenant.subdomain", tenant.Subdomain);
        }

        tenants.Add(tenant);
        if (command.RequestId is { } key)
        {
            idempotency.Add(new IdempotencyRecord(Scope, key, fingerprint, tenant.ResourceName, now));
        }

        var outcome = await unitOfWork.SaveChangesAsync(ct);
        if (outcome is { Status: SaveStatus.UniqueViolation, Constraint: Constraints.IdempotencyKey })
        {
            return Error.AlreadyExists(tenant.ResourceName); // Replayed by Handle.
        }

        return TenantSaveErrors.From(outcome, tenant) is { } error ? error : tenant;
    }

    private Task<Result<Tenant>?> ReplayAsync(string requestId, string fingerprint, DateTime now, CancellationToken ct) =>
        idempotency.ReplayAsync(Scope, requestId, fingerprint, "CreateTenant",
            resource => tenants.LoadAsync(TenantId.FromResourceName(resource).Value, now, ct), ct);
}
