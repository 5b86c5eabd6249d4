using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Security;
using Platform.Application.Access;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Eav;
using Platform.Domain.Quota;

namespace Platform.Application.Eav;

public sealed record CreateEntityTypeCommand(string Parent, string EntityTypeId, EntityTypeDraft EntityType, string? RequestId)
    : ICommand<Result<EntityTypeView>>, IValidatable
{
    public Error? Validate()
    {
        var v = new Validation().Merge(AccessNames.Tenant(Parent).Error);
        // The tenant is checked by the handler; the type's own rules need none.
        v.Merge(Domain.Eav.EntityType.Create("", EntityTypeId, EntityType.ToSpec(v), DateTime.UnixEpoch).Error);

        RequestIds.Check(v, RequestId);
        return v.ToError();
    }

    internal string Fingerprint() => PageToken.Fingerprint(Parent, EntityTypeId, EntityType.Fingerprint());
}

internal sealed class CreateEntityTypeHandler(
    IEntityTypeRepository types,
    ITenantDirectory tenants,
    IRequestContext context,
    IIdempotencyStore idempotency,
    Quota.Allocations allocations,
    Abstractions.Eav.IEavIndexes indexes,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<CreateEntityTypeCommand, Result<EntityTypeView>>
{
    private const string Method = "CreateEntityType";

    public async ValueTask<Result<EntityTypeView>> Handle(CreateEntityTypeCommand command, CancellationToken ct) =>
        await EntityTypeView.OfAsync(indexes, await CreateAsync(command, ct), ct);

    private async Task<Result<EntityType>> CreateAsync(CreateEntityTypeCommand command, CancellationToken ct)
    {
        var tenantId = AccessNames.Tenant(command.Parent).Value;
        if (AccessRules.CheckScope(context, tenantId) is { } outOfScope)
        {
            return outOfScope;
        }

        var scope = $"platform.eav.v1.EntityTypeService/{Method} {PageToken.Fingerprint(command.Parent, context.Principal?.Id ?? "")}";
        if (command.RequestId is { } requestId && await ReplayAsync(scope, requestId, command.Fingerprint(), ct) is { } replay)
        {
            return replay;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (await AccessRules.CheckTenantAsync(tenants, tenantId, now, ct) is { } missing)
        {
            return missing;
        }

        var v = new Validation();
        var spec = command.EntityType.ToSpec(v);
        if (v.ToError() is { } unreadable)
        {
            return unreadable;
        }

        if (!EntityType.Create(tenantId, command.EntityTypeId, spec, now).TryGetValue(out var type, out var invalid))
        {
            return invalid;
        }

        if (await types.FindAsync(tenantId, type.Id, ct) is not null)
        {
            return Error.AlreadyExists(type.ResourceName);
        }

        if (await EntityTypeReferences.CheckAsync(types, type, ct) is { } dangling)
        {
            return dangling;
        }

        types.Add(type);
        if (command.RequestId is { } key)
        {
            idempotency.Add(new IdempotencyRecord(scope, key, command.Fingerprint(), type.ResourceName, now));
        }

        // The type's indexes are recorded with it and built in the background after the commit.
        var (overQuota, outcome) = await unitOfWork.InTransactionAsync(async token =>
        {
            await indexes.PlanAsync(type, token);
            return await allocations.SaveAcquiringAsync(tenantId, Metrics.EntityTypes, 1, token);
        }, r => r.Refused is null && r.Outcome.Status == SaveStatus.Saved, ct);
        if (overQuota is null && outcome.Status == SaveStatus.Saved)
        {
            indexes.Wake();
        }

        if (overQuota is not null)
        {
            return overQuota;
        }

        if (outcome is { Status: SaveStatus.UniqueViolation, Constraint: Constraints.IdempotencyKey } &&
            await ReplayAsync(scope, command.RequestId!, command.Fingerprint(), ct) is { } raced)
        {
            return raced; // A concurrent retry committed first: answer as it did.
        }

        return outcome.Status switch
        {
            SaveStatus.Saved => type,
            SaveStatus.UniqueViolation => Error.AlreadyExists(type.ResourceName),
            _ => throw new InvalidOperationException($"Unexpected save outcome {outcome.Status} ({outcome.Constraint}) creating an entity type."),
        };
    }

    private Task<Result<EntityType>?> ReplayAsync(string scope, string requestId, string fingerprint, CancellationToken ct) =>
        idempotency.ReplayAsync(scope, requestId, fingerprint, Method, async resource =>
        {
            var name = EntityTypeNames.EntityType(resource).Value;
            return await types.FindAsync(name.TenantId, name.Id, ct) is { } type ? type : Result<EntityType>.Failure(Error.NotFound(resource));
        }, ct);
}
