using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Security;
using Platform.Application.Access;
using Platform.Domain.Common;
using Platform.Domain.Eav;

namespace Platform.Application.Eav;

internal static class EntityTypeLoader
{
    /// <summary>
    /// The type named <paramref name="resourceName"/> (already validated), within the caller's
    /// tenant, and at <paramref name="etag"/> when one is given.
    /// </summary>
    public static ValueTask<Result<EntityType>> LoadAsync(this IEntityTypeRepository types, IRequestContext context,
        string resourceName, string? etag, CancellationToken ct) => LoadAsync(types, context, resourceName, etag, tracked: true, ct);

    /// <summary>As <see cref="LoadAsync(IEntityTypeRepository, IRequestContext, string, string?, CancellationToken)"/>, untracked and cached (for entity calls).</summary>
    public static ValueTask<Result<EntityType>> LoadCurrentAsync(this IEntityTypeRepository types, IRequestContext context,
        string resourceName, CancellationToken ct) => LoadAsync(types, context, resourceName, null, tracked: false, ct);

    private static async ValueTask<Result<EntityType>> LoadAsync(IEntityTypeRepository types, IRequestContext context,
        string resourceName, string? etag, bool tracked, CancellationToken ct)
    {
        var name = EntityTypeNames.EntityType(resourceName).Value;
        if (AccessRules.CheckScope(context, name.TenantId) is { } outOfScope)
        {
            return outOfScope;
        }

        var found = tracked ? await types.FindAsync(name.TenantId, name.Id, ct).ConfigureAwait(false)
            : await types.FindCurrentAsync(name.TenantId, name.Id, ct).ConfigureAwait(false);
        if (found is not { } type)
        {
            return Error.NotFound(resourceName);
        }

        return type.CheckEtag(etag) is { } stale ? stale : type;
    }
}
