using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Eav;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Eav;

namespace Platform.Application.Eav.Entities;

public sealed record RestoreEntityRevisionCommand(string Name, string? Etag, string? RequestId) : ICommand<Result<EntityView>>, IValidatable
{
    public Error? Validate()
    {
        var v = new Validation().Merge(EntityResourceNames.Revision(Name).Error);
        RequestIds.Check(v, RequestId);
        return v.ToError();
    }
}

/// <summary>
/// Writes a new revision with the old revision's values of the attributes still visible; they
/// must satisfy today's schema (it may have narrowed since), so they are validated again.
/// </summary>
internal sealed class RestoreEntityRevisionHandler(IEntityTypeRepository types, IEntityStore store, IRequestContext context, EntityChanger changer, TimeProvider clock)
    : ICommandHandler<RestoreEntityRevisionCommand, Result<EntityView>>
{
    public async ValueTask<Result<EntityView>> Handle(RestoreEntityRevisionCommand command, CancellationToken ct)
    {
        var (loaded, error) = await RevisionLoader.LoadAsync(types, store, context, command.Name, ct);
        if (error is not null)
        {
            return error;
        }

        var (type, entity, old) = loaded!.Value;
        if (entity.CheckEtag(command.Etag) is { } stale)
        {
            return stale;
        }

        var visible = new AttributeMap(old.Snapshot.Where(p => type.FindAttribute(p.Key) is not null));
        if (!EntityAttributes.Validate(type, visible, applyDefaults: false).TryGetValue(out var attributes, out var invalid))
        {
            return new Validation().Merge(invalid, "entity").ToError()!;
        }

        if (await EntityChecks.CheckAsync(store, type, entity.Id, attributes, ct) is { } refused)
        {
            return refused;
        }

        var (readVersion, bytesBefore) = (entity.Version, entity.StorageBytes);
        if (!entity.Restore(type, attributes, EntityAccess.Revision(context, clock, command.RequestId)).TryGetValue(out var revision, out var deleted))
        {
            return deleted;
        }

        return (await changer.SaveAsync(type, entity, readVersion, bytesBefore, 0, revision, ct)).Map(e => EntityView.Of(type, e));
    }
}
