using Mediator;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Tenancy;

namespace Platform.Application.Tenancy;

/// <summary>Resumes a suspended tenant.</summary>
public sealed record ResumeTenantCommand(string Name, string? Etag) : ICommand<Result<Tenant>>, IValidatable
{
    public Error? Validate() => TenantId.FromResourceName(Name).Error;
}

internal sealed class ResumeTenantHandler(TenantTransition transition) : ICommandHandler<ResumeTenantCommand, Result<Tenant>>
{
    public ValueTask<Result<Tenant>> Handle(ResumeTenantCommand command, CancellationToken ct) =>
        transition.ApplyAsync(command.Name, command.Etag, (tenant, now) => tenant.Resume(now), ct);
}
