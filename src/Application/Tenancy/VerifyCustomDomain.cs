using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Tenancy;

namespace Platform.Application.Tenancy;

/// <summary>Checks a domain's TXT record and marks it verified, so its host resolves to the tenant.</summary>
public sealed record VerifyCustomDomainCommand(string Name, string Domain) : ICommand<Result<Tenant>>, IValidatable
{
    public Error? Validate() => new Validation()
        .Merge(TenantId.FromResourceName(Name).Error)
        .Merge(Tenant.CheckDomain(Domain))
        .ToError();
}

internal sealed class VerifyCustomDomainHandler(
    ITenantRepository tenants,
    ITenantDirectory directory,
    IDnsTxtResolver dns,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<VerifyCustomDomainCommand, Result<Tenant>>
{
    public async ValueTask<Result<Tenant>> Handle(VerifyCustomDomainCommand command, CancellationToken ct)
    {
        var id = TenantId.FromResourceName(command.Name).Value;
        var now = clock.GetUtcNow().UtcDateTime;
        if (!(await tenants.LoadAsync(id, now, ct)).TryGetValue(out var tenant, out var notFound))
        {
            return notFound;
        }

        if (!tenant.FindDomain(command.Domain).TryGetValue(out var entry, out var missing))
        {
            return missing;
        }

        if (entry.Verified)
        {
            return tenant; // Nothing to prove again, nothing to write.
        }

        if (await tenants.FindVerifiedDomainOwnerAsync(command.Domain, ct) is { } owner && owner != id.Value)
        {
            return Error.ValueTaken("domain", command.Domain);
        }

        var records = await dns.ResolveTxtAsync(DomainVerification.RecordName(command.Domain), ct);
        if (!tenant.VerifyDomain(command.Domain, records, now).TryGetValue(out _, out var unverified))
        {
            return unverified;
        }

        if (TenantSaveErrors.From(await unitOfWork.SaveChangesAsync(ct), tenant) is { } error)
        {
            return error;
        }

        directory.Invalidate(id.Value);
        return tenant;
    }
}
