using Mediator;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Tenancy;

namespace Platform.Application.Tenancy;

/// <summary>Suspends a tenant: it is kept, but its calls are refused.</summary>
public sealed record SuspendTenantCommand(string Name, string? Etag) : ICommand<Result<Tenant>>, IValidatable
{
    public Error? Validate() => TenantId.FromResourceName(Name).Error;
}

internal sealed class SuspendTenantHandler(TenantTransition transition) : ICommandHandler<SuspendTenantCommand, Result<Tenant>>
{
    public ValueTask<Result<Tenant>> Handle(SuspendTenantCommand command, CancellationToken ct) =>
        transition.ApplyAsync(command.Name, command.Etag, (tenant, now) => tenant.Suspend(now), ct);
}
