using Mediator;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Tenancy;

namespace Platform.Application.Tenancy;

/// <summary>Soft-deletes a tenant; it can be undeleted until its purge time.</summary>
public sealed record DeleteTenantCommand(string Name, string? Etag) : ICommand<Result<Tenant>>, IValidatable
{
    public Error? Validate() => TenantId.FromResourceName(Name).Error;
}

internal sealed class DeleteTenantHandler(TenantTransition transition) : ICommandHandler<DeleteTenantCommand, Result<Tenant>>
{
    public ValueTask<Result<Tenant>> Handle(DeleteTenantCommand command, CancellationToken ct) =>
        transition.ApplyAsync(command.Name, command.Etag, (tenant, now) => tenant.Delete(now), ct);
}
