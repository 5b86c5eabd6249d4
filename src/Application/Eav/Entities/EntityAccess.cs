using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Eav;
using Platform.Application.Abstractions.Security;
using Platform.Domain.Common;
using Platform.Domain.Eav;

namespace Platform.Application.Eav.Entities;

/// <summary>Loads what an entity call works on, within the caller's tenant.</summary>
internal static class EntityAccess
{
    /// <summary>The type named by a validated <c>tenants/{t}/entityTypes/{type}</c>.</summary>
    public static ValueTask<Result<EntityType>> TypeAsync(IEntityTypeRepository types, IRequestContext context, string typeName, CancellationToken ct) =>
        types.LoadCurrentAsync(context, typeName, ct);

    /// <summary>The type and the entity named by a validated entity name, at <paramref name="etag"/> when given.</summary>
    public static async ValueTask<Result<(EntityType Type, Entity Entity)>> EntityAsync(IEntityTypeRepository types, IEntityStore store,
        IRequestContext context, EntityName name, string? etag, CancellationToken ct)
    {
        if (!(await TypeAsync(types, context, name.TypeName, ct)).TryGetValue(out var type, out var failed))
        {
            return failed;
        }

        if (await store.FindAsync(type, name.Id, ct) is not { } entity)
        {
            return Error.NotFound(EntityNames.Of(name.TenantId, name.TypeId, name.Id));
        }

        return entity.CheckEtag(etag) is { } stale ? stale : (type, entity);
    }

    public static RevisionContext Revision(IRequestContext context, TimeProvider clock, string? requestId) =>
        new(context.Principal?.Id ?? "system", clock.GetUtcNow().UtcDateTime, requestId);
}
