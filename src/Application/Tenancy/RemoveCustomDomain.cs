using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Tenancy;

namespace Platform.Application.Tenancy;

/// <summary>Removes a custom domain; once removed, its host no longer resolves to the tenant.</summary>
public sealed record RemoveCustomDomainCommand(string Name, string Domain) : ICommand<Result<Tenant>>, IValidatable
{
    public Error? Validate() => new Validation()
        .Merge(TenantId.FromResourceName(Name).Error)
        .Merge(Tenant.CheckDomain(Domain))
        .ToError();
}

internal sealed class RemoveCustomDomainHandler(TenantTransition transition, ITenantDirectory directory)
    : ICommandHandler<RemoveCustomDomainCommand, Result<Tenant>>
{
    public async ValueTask<Result<Tenant>> Handle(RemoveCustomDomainCommand command, CancellationToken ct)
    {
        var result = await transition.ApplyAsync(command.Name, etag: null, (tenant, now) => tenant.RemoveDomain(command.Domain, now), ct);
        if (result.IsSuccess)
        {
            directory.Invalidate(result.Value.Id.Value);
        }

        return result;
    }
}
