using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Search;
using Platform.Application.Abstractions.Security;
using Platform.Application.Access;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Search;

namespace Platform.Application.Search.Synonyms;

public sealed record CreateSynonymSetCommand(string Parent, string SynonymSetId, SynonymSetDraft SynonymSet) : ICommand<Result<SynonymSetRecord>>, IValidatable
{
    public Error? Validate() => new Validation()
        .Merge(AccessNames.Tenant(Parent).Error)
        .Check(ResourceIds.IsValid(SynonymSetId), "synonym_set_id", "must match [a-z][a-z0-9-]{0,61}[a-z0-9]")
        .Merge(SynonymSet.ToRules("synonym_set").Error)
        .ToError();
}

internal sealed class CreateSynonymSetHandler(ISynonymSetRepository sets, ITenantDirectory tenants, IRequestContext context, TimeProvider clock)
    : ICommandHandler<CreateSynonymSetCommand, Result<SynonymSetRecord>>
{
    public async ValueTask<Result<SynonymSetRecord>> Handle(CreateSynonymSetCommand command, CancellationToken ct)
    {
        var tenantId = AccessNames.Tenant(command.Parent).Value;
        if (AccessRules.CheckScope(context, tenantId) is { } outOfScope)
        {
            return outOfScope;
        }

        var now = Clock.Truncate(clock.GetUtcNow().UtcDateTime);
        if (await AccessRules.CheckTenantAsync(tenants, tenantId, now, ct) is { } missing)
        {
            return missing;
        }

        var record = new SynonymSetRecord(tenantId, command.SynonymSetId, command.SynonymSet.ToRules("synonym_set").Value, 1, now, now);
        return await sets.InsertAsync(record, ct) ? record : Error.AlreadyExists(record.ResourceName);
    }
}
