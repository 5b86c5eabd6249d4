using Mediator;
using Platform.Application.Abstractions.Operations;
using Platform.Application.Abstractions.Security;
using Platform.Application.Access;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Operations;

public sealed record DeleteOperationCommand(string Name) : ICommand<Result<bool>>, IValidatable
{
    public Error? Validate() => OperationNames.Operation(Name).Error;
}

internal sealed class DeleteOperationHandler(IOperationStore operations, IRequestContext context) : ICommandHandler<DeleteOperationCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(DeleteOperationCommand command, CancellationToken ct)
    {
        var name = OperationNames.Operation(command.Name).Value;
        if (AccessRules.CheckScope(context, name.TenantId) is { } outOfScope)
        {
            return outOfScope;
        }

        if (await operations.FindAsync(name.TenantId, name.Id, ct) is null)
        {
            return Error.NotFound(command.Name);
        }

        // Deleting an active operation would orphan its worker's progress writes: cancel first.
        return await operations.DeleteFinishedAsync(name.TenantId, name.Id, ct)
            ? true
            : Error.InvalidState(command.Name, "ACTIVE", $"{command.Name} is still running; cancel it and delete it once it is done.");
    }
}
