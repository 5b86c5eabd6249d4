using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Eav;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Eav.Entities;

public sealed record DeleteEntityCommand(string Name, string? Etag) : ICommand<Result<EntityView>>, IValidatable
{
    public Error? Validate() => EntityResourceNames.Entity(Name).Error;
}

/// <summary>Soft delete (AIP-164): frees the entity's allocation and unique values; undelete brings it back.</summary>
internal sealed class DeleteEntityHandler(IEntityTypeRepository types, IEntityStore store, IRequestContext context, EntityChanger changer, TimeProvider clock)
    : ICommandHandler<DeleteEntityCommand, Result<EntityView>>
{
    public async ValueTask<Result<EntityView>> Handle(DeleteEntityCommand command, CancellationToken ct)
    {
        if (!(await EntityAccess.EntityAsync(types, store, context, EntityResourceNames.Entity(command.Name).Value, command.Etag, ct))
            .TryGetValue(out var found, out var failed))
        {
            return failed;
        }

        var (type, entity) = found;
        var (readVersion, bytesBefore) = (entity.Version, entity.IsDeleted ? 0 : entity.StorageBytes);
        if (!entity.Delete(EntityAccess.Revision(context, clock, null)).TryGetValue(out var revision, out var invalid))
        {
            return invalid;
        }

        return (await changer.SaveAsync(type, entity, readVersion, bytesBefore, -1, revision, ct)).Map(e => EntityView.Of(type, e));
    }
}
