using System.Globalization;
using System.Text;
using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Domain.Access;
using Platform.Domain.Common;
using Platform.Domain.Quota;
using Platform.Domain.Tenancy;

namespace Platform.Application.Access;

/// <param name="Parent"><c>tenants/{tenant}</c>, or <c>platform</c> for an operator key.</param>
public sealed record CreateApiKeyCommand(string Parent, string DisplayName, IReadOnlyList<string> Roles, DateTime? ExpireTime, string? RequestId)
    : ICommand<Result<CreatedApiKey>>, IValidatable
{
    public Error? Validate()
    {
        var v = new Validation().Merge(AccessNames.ApiKeyParent(Parent).Error);
        RequestIds.Check(v, RequestId);
        return v.ToError();
    }

    internal string Fingerprint() => PageToken.Fingerprint(new StringBuilder().Append(Parent).Append('|').Append(DisplayName).Append('|')
        .AppendJoin(',', Roles).Append('|').Append(ExpireTime?.Ticks.ToString(CultureInfo.InvariantCulture) ?? "").ToString());
}

/// <param name="Secret">The key's secret; empty when a retry (same request_id) replays the create.</param>
public sealed record CreatedApiKey(ApiKey Key, string Secret);

internal sealed class CreateApiKeyHandler(
    IApiKeyRepository keys,
    ITenantDirectory tenants,
    IRoleResolver roles,
    IRequestContext context,
    IIdempotencyStore idempotency,
    IUnitOfWork unitOfWork,
    Quota.Allocations allocations,
    TimeProvider clock) : ICommandHandler<CreateApiKeyCommand, Result<CreatedApiKey>>
{
    private const string Method = "CreateApiKey";

    public async ValueTask<Result<CreatedApiKey>> Handle(CreateApiKeyCommand command, CancellationToken ct)
    {
        var tenantId = AccessNames.ApiKeyParent(command.Parent).Value;
        if (AccessRules.CheckScope(context, tenantId) is { } outOfScope)
        {
            return outOfScope;
        }

        var scope = AccessRules.IdempotencyScope(Method, command.Parent, context);
        if (command.RequestId is { } requestId && await ReplayAsync(scope, requestId, command.Fingerprint(), ct) is { } replay)
        {
            return replay;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (tenantId is not null && await AccessRules.CheckTenantAsync(tenants, tenantId, now, ct) is { } missing)
        {
            return missing;
        }

        // Stored to the microsecond (PostgreSQL), so the response equals every later read.
        var expireTime = command.ExpireTime is { } e ? Clock.Truncate(e) : (DateTime?)null;
        var secret = ApiKeySecret.Generate();
        var tenant = tenantId is null ? (TenantId?)null : TenantId.FromTrusted(tenantId);
        if (!ApiKey.Create(tenant, command.DisplayName, command.Roles, expireTime, secret, now).TryGetValue(out var key, out var invalid))
        {
            return invalid;
        }

        if (await AccessRules.CheckGrantAsync(context, roles, tenantId, command.Roles, "api_key.roles", ct) is { } refused)
        {
            return refused;
        }

        keys.Add(key);
        if (command.RequestId is { } id)
        {
            idempotency.Add(new IdempotencyRecord(scope, id, command.Fingerprint(), key.ResourceName, now));
        }

        // Operator keys are not counted against any tenant's api_keys limit.
        var (overQuota, outcome) = tenantId is null
            ? (null, await unitOfWork.SaveChangesAsync(ct))
            : await allocations.SaveAcquiringAsync(tenantId, Metrics.ApiKeys, 1, ct);
        if (overQuota is not null)
        {
            return overQuota;
        }

        if (outcome is { Status: SaveStatus.UniqueViolation, Constraint: Constraints.IdempotencyKey } &&
            await ReplayAsync(scope, command.RequestId!, command.Fingerprint(), ct) is { } raced)
        {
            return raced; // A concurrent retry committed first: answer as it did.
        }

        return outcome.Status == SaveStatus.Saved
            ? new CreatedApiKey(key, secret)
            : throw new InvalidOperationException($"Unexpected save outcome {outcome.Status} ({outcome.Constraint}) creating an API key.");
    }

    // The secret exists only in the first response (only its hash is stored), so a replay returns
    // the key with an empty secret; the proto documents this.
    private Task<Result<CreatedApiKey>?> ReplayAsync(string scope, string requestId, string fingerprint, CancellationToken ct) =>
        idempotency.ReplayAsync(scope, requestId, fingerprint, Method, async resource =>
        {
            var name = AccessNames.ApiKey(resource).Value;
            var key = await keys.FindAsync(name.TenantId, name.Id, ct);
            return key is null ? Result<CreatedApiKey>.Failure(Error.NotFound(resource)) : new CreatedApiKey(key, "");
        }, ct);
}
