using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Security;
using Platform.Application.Access;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Eav;

namespace Platform.Application.Eav;

public sealed record GetEntityTypeQuery(string Name) : IQuery<Result<EntityType>>, IValidatable
{
    public Error? Validate() => EntityTypeNames.EntityType(Name).Error;
}

internal sealed class GetEntityTypeHandler(IEntityTypeRepository types, IRequestContext context) : IQueryHandler<GetEntityTypeQuery, Result<EntityType>>
{
    public ValueTask<Result<EntityType>> Handle(GetEntityTypeQuery query, CancellationToken ct) => types.LoadAsync(context, query.Name, null, ct);
}
