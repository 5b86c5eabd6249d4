using Mediator;
using Platform.Application.Abstractions.Operations;
using Platform.Application.Abstractions.Security;
using Platform.Application.Access;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Operations;

public sealed record GetOperationQuery(string Name) : IQuery<Result<OperationRecord>>, IValidatable
{
    public Error? Validate() => OperationNames.Operation(Name).Error;
}

internal sealed class GetOperationHandler(IOperationStore operations, IRequestContext context) : IQueryHandler<GetOperationQuery, Result<OperationRecord>>
{
    public async ValueTask<Result<OperationRecord>> Handle(GetOperationQuery query, CancellationToken ct)
    {
        var name = OperationNames.Operation(query.Name).Value;
        if (AccessRules.CheckScope(context, name.TenantId) is { } outOfScope)
        {
            return outOfScope;
        }

        return await operations.FindAsync(name.TenantId, name.Id, ct) is { } found ? found : Error.NotFound(query.Name);
    }
}
