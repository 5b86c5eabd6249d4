using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Domain.Access;
using Platform.Domain.Common;

namespace Platform.Application.Access;

public sealed record GetApiKeyQuery(string Name) : IQuery<Result<ApiKey>>, IValidatable
{
    public Error? Validate() => AccessNames.ApiKey(Name).Error;
}

internal sealed class GetApiKeyHandler(IApiKeyRepository keys, IRequestContext context) : IQueryHandler<GetApiKeyQuery, Result<ApiKey>>
{
    public async ValueTask<Result<ApiKey>> Handle(GetApiKeyQuery query, CancellationToken ct)
    {
        var name = AccessNames.ApiKey(query.Name).Value;
        if (AccessRules.CheckScope(context, name.TenantId) is { } outOfScope)
        {
            return outOfScope;
        }

        return await keys.FindAsync(name.TenantId, name.Id, ct) is { } key ? key : Error.NotFound(query.Name);
    }
}
