using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Eav;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Eav.Entities;

public sealed record UndeleteEntityCommand(string Name, string? Etag) : ICommand<Result<EntityView>>, IValidatable
{
    public Error? Validate() => EntityResourceNames.Entity(Name).Error;
}

/// <summary>Brings a soft-deleted entity back if its unique values are still free and the plan has room.</summary>
internal sealed class UndeleteEntityHandler(IEntityTypeRepository types, IEntityStore store, IRequestContext context, EntityChanger changer, TimeProvider clock)
    : ICommandHandler<UndeleteEntityCommand, Result<EntityView>>
{
    public async ValueTask<Result<EntityView>> Handle(UndeleteEntityCommand command, CancellationToken ct)
    {
        if (!(await EntityAccess.EntityAsync(types, store, context, EntityResourceNames.Entity(command.Name).Value, command.Etag, ct))
            .TryGetValue(out var found, out var failed))
        {
            return failed;
        }

        var (type, entity) = found;
        var readVersion = entity.Version;
        if (!entity.Undelete(EntityAccess.Revision(context, clock, null)).TryGetValue(out var revision, out var invalid))
        {
            return invalid;
        }

        if (await EntityChecks.CheckAsync(store, type, entity.Id, entity.Attributes, ct) is { } taken)
        {
            return taken;
        }

        return (await changer.SaveAsync(type, entity, readVersion, 0, +1, revision, ct)).Map(e => EntityView.Of(type, e));
    }
}
