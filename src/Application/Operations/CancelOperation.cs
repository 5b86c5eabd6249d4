using Mediator;
using Platform.Application.Abstractions.Operations;
using Platform.Application.Abstractions.Security;
using Platform.Application.Access;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Operations;

public sealed record CancelOperationCommand(string Name) : ICommand<Result<OperationRecord>>, IValidatable
{
    public Error? Validate() => OperationNames.Operation(Name).Error;
}

/// <summary>
/// Pending operations are cancelled at once; running ones are flagged and stopped by their
/// worker after the current chunk. Finished ones stay as they are (cancelling is idempotent).
/// </summary>
internal sealed class CancelOperationHandler(IOperationStore operations, IRequestContext context, TimeProvider clock)
    : ICommandHandler<CancelOperationCommand, Result<OperationRecord>>
{
    public async ValueTask<Result<OperationRecord>> Handle(CancelOperationCommand command, CancellationToken ct)
    {
        var name = OperationNames.Operation(command.Name).Value;
        if (AccessRules.CheckScope(context, name.TenantId) is { } outOfScope)
        {
            return outOfScope;
        }

        var now = Clock.Truncate(clock.GetUtcNow().UtcDateTime);
        var result = await operations.RequestCancelAsync(name.TenantId, name.Id, now, ct);
        if (result is null)
        {
            return Error.NotFound(command.Name);
        }

        operations.Wake(); // a worker holding it notices sooner when it is between chunks anyway
        return result;
    }
}
