using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Tenancy;

namespace Platform.Application.Tenancy;

/// <summary>Adds an unverified custom domain; the result carries the token for its TXT record.</summary>
public sealed record AddCustomDomainCommand(string Name, string Domain) : ICommand<Result<CustomDomainAdded>>, IValidatable
{
    public Error? Validate() => new Validation()
        .Merge(TenantId.FromResourceName(Name).Error)
        .Merge(Tenant.CheckDomain(Domain))
        .ToError();
}

public sealed record CustomDomainAdded(Tenant Tenant, CustomDomain Domain);

internal sealed class AddCustomDomainHandler(ITenantRepository tenants, ITenantDirectory directory, IUnitOfWork unitOfWork, TimeProvider clock)
    : ICommandHandler<AddCustomDomainCommand, Result<CustomDomainAdded>>
{
    public async ValueTask<Result<CustomDomainAdded>> Handle(AddCustomDomainCommand command, CancellationToken ct)
    {
        var id = TenantId.FromResourceName(command.Name).Value;
        var now = clock.GetUtcNow().UtcDateTime;
        if (!(await tenants.LoadAsync(id, now, ct)).TryGetValue(out var tenant, out var notFound))
        {
            return notFound;
        }

        var version = tenant.Version;
        if (!tenant.AddDomain(command.Domain, now).TryGetValue(out _, out var refused))
        {
            return refused;
        }

        var added = new CustomDomainAdded(tenant, tenant.CustomDomains.Single(d => d.Domain == command.Domain));
        if (tenant.Version == version)
        {
            return added; // Already there: returned unchanged, token included.
        }

        // Only a verified domain is claimed; an unverified one may be added by several tenants.
        if (await tenants.FindVerifiedDomainOwnerAsync(command.Domain, ct) is { } owner && owner != id.Value)
        {
            return Error.ValueTaken("domain", command.Domain);
        }

        if (TenantSaveErrors.From(await unitOfWork.SaveChangesAsync(ct), tenant) is { } error)
        {
            return error;
        }

        directory.Invalidate(id.Value);
        return added;
    }
}
