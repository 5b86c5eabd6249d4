using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Eav;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Eav;

namespace Platform.Application.Eav.Entities;

/// <summary>A revision with the type it is read against (for showing the entity as it was).</summary>
public sealed record RevisionView(EntityType Type, EntityRevision Revision);

public sealed record GetEntityRevisionQuery(string Name) : IQuery<Result<RevisionView>>, IValidatable
{
    public Error? Validate() => EntityResourceNames.Revision(Name).Error;
}

internal sealed class GetEntityRevisionHandler(IEntityTypeRepository types, IEntityStore store, IRequestContext context)
    : IQueryHandler<GetEntityRevisionQuery, Result<RevisionView>>
{
    public async ValueTask<Result<RevisionView>> Handle(GetEntityRevisionQuery query, CancellationToken ct) =>
        await RevisionLoader.LoadAsync(types, store, context, query.Name, ct) is var (loaded, error) && error is null
            ? new RevisionView(loaded!.Value.Type, loaded.Value.Revision)
            : error!;
}

internal static class RevisionLoader
{
    public static async Task<((EntityType Type, Entity Entity, EntityRevision Revision)?, Error?)> LoadAsync(
        IEntityTypeRepository types, IEntityStore store, IRequestContext context, string revisionName, CancellationToken ct)
    {
        var (name, version) = EntityResourceNames.Revision(revisionName).Value;
        if (!(await EntityAccess.EntityAsync(types, store, context, name, null, ct)).TryGetValue(out var found, out var failed))
        {
            return (null, failed);
        }

        return await store.FindRevisionAsync(found.Type, name.Id, version, ct) is { } revision
            ? ((found.Type, found.Entity, revision), null)
            : (null, Error.NotFound(revisionName));
    }
}
