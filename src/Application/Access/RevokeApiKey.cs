using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Domain.Access;
using Platform.Domain.Common;

namespace Platform.Application.Access;

/// <summary>Revokes a key; revoking a revoked key returns it unchanged.</summary>
public sealed record RevokeApiKeyCommand(string Name) : ICommand<Result<ApiKey>>, IValidatable
{
    public Error? Validate() => AccessNames.ApiKey(Name).Error;
}

internal sealed class RevokeApiKeyHandler(
    IApiKeyRepository keys,
    IApiKeyAuthenticator authenticator,
    IRequestContext context,
    IUnitOfWork unitOfWork,
    Quota.Allocations allocations,
    TimeProvider clock) : ICommandHandler<RevokeApiKeyCommand, Result<ApiKey>>
{
    public async ValueTask<Result<ApiKey>> Handle(RevokeApiKeyCommand command, CancellationToken ct)
    {
        var name = AccessNames.ApiKey(command.Name).Value;
        if (AccessRules.CheckScope(context, name.TenantId) is { } outOfScope)
        {
            return outOfScope;
        }

        if (await keys.FindAsync(name.TenantId, name.Id, ct) is not { } key)
        {
            return Error.NotFound(command.Name);
        }

        if (!key.IsRevoked)
        {
            key.Revoke(clock.GetUtcNow().UtcDateTime);
            // A revoked key frees its slot under the api_keys limit.
            var outcome = key.TenantId is { } tenantId
                ? await allocations.SaveReleasingAsync(tenantId, Domain.Quota.Metrics.ApiKeys, 1, ct)
                : await unitOfWork.SaveChangesAsync(ct);
            if (outcome.Status != SaveStatus.Saved)
            {
                throw new InvalidOperationException($"Unexpected save outcome {outcome.Status} ({outcome.Constraint}) revoking an API key.");
            }
        }

        // This host stops accepting the key at once; other hosts when their cache entry expires.
        authenticator.Invalidate(key.KeyPrefix);
        return key;
    }
}
