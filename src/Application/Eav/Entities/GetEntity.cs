using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Eav;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Eav.Entities;

public sealed record GetEntityQuery(string Name) : IQuery<Result<EntityView>>, IValidatable
{
    public Error? Validate() => EntityResourceNames.Entity(Name).Error;
}

internal sealed class GetEntityHandler(IEntityTypeRepository types, IEntityStore store, IRequestContext context)
    : IQueryHandler<GetEntityQuery, Result<EntityView>>
{
    public async ValueTask<Result<EntityView>> Handle(GetEntityQuery query, CancellationToken ct) =>
        (await EntityAccess.EntityAsync(types, store, context, EntityResourceNames.Entity(query.Name).Value, null, ct))
        .Map(found => EntityView.Of(found.Type, found.Entity));
}
