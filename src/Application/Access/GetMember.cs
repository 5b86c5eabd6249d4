using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Common;
using Platform.Domain.Access;
using Platform.Domain.Common;

namespace Platform.Application.Access;

public sealed record GetMemberQuery(string Name) : IQuery<Result<Member>>, IValidatable
{
    public Error? Validate() => AccessNames.Member(Name).Error;
}

internal sealed class GetMemberHandler(IMemberRepository members) : IQueryHandler<GetMemberQuery, Result<Member>>
{
    public async ValueTask<Result<Member>> Handle(GetMemberQuery query, CancellationToken ct)
    {
        var name = AccessNames.Member(query.Name).Value;
        return await members.FindAsync(name.TenantId, name.Id, ct) is { } member ? member : Error.NotFound(query.Name);
    }
}
