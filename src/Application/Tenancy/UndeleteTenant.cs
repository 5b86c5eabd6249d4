using Mediator;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Tenancy;

namespace Platform.Application.Tenancy;

/// <summary>Restores a soft-deleted tenant to the state it had before deletion.</summary>
public sealed record UndeleteTenantCommand(string Name, string? Etag) : ICommand<Result<Tenant>>, IValidatable
{
    public Error? Validate() => TenantId.FromResourceName(Name).Error;
}

internal sealed class UndeleteTenantHandler(TenantTransition transition) : ICommandHandler<UndeleteTenantCommand, Result<Tenant>>
{
    public ValueTask<Result<Tenant>> Handle(UndeleteTenantCommand command, CancellationToken ct) =>
        transition.ApplyAsync(command.Name, command.Etag, (tenant, now) => tenant.Undelete(now), ct);
}
