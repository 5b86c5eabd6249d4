using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Security;
using Platform.Application.Access;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Eav;

namespace Platform.Application.Eav;

public sealed record GetEntityTypeQuery(string Name) : IQuery<Result<EntityTypeView>>, IValidatable
{
    public Error? Validate() => EntityTypeNames.EntityType(Name).Error;
}

internal sealed class GetEntityTypeHandler(IEntityTypeRepository types, IRequestContext context, Abstractions.Eav.IEavIndexes indexes)
    : IQueryHandler<GetEntityTypeQuery, Result<EntityTypeView>>
{
    public async ValueTask<Result<EntityTypeView>> Handle(GetEntityTypeQuery query, CancellationToken ct) =>
        await EntityTypeView.OfAsync(indexes, await types.LoadAsync(context, query.Name, null, ct), ct);
}
