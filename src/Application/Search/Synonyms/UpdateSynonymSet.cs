using Mediator;
using Platform.Application.Abstractions.Search;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Search;

namespace Platform.Application.Search.Synonyms;

public sealed record UpdateSynonymSetCommand(string Name, string? Etag, SynonymSetDraft SynonymSet) : ICommand<Result<SynonymSetRecord>>, IValidatable
{
    public Error? Validate() => new Validation()
        .Merge(SynonymSetNames.Parse(Name, "synonym_set.name").Error)
        .Merge(SynonymSet.ToRules("synonym_set").Error)
        .ToError();
}

/// <summary>Replaces the groups and rules, only if nobody changed the set since it was read.</summary>
internal sealed class UpdateSynonymSetHandler(ISynonymSetRepository sets, IRequestContext context, TimeProvider clock)
    : ICommandHandler<UpdateSynonymSetCommand, Result<SynonymSetRecord>>
{
    public async ValueTask<Result<SynonymSetRecord>> Handle(UpdateSynonymSetCommand command, CancellationToken ct)
    {
        if (!(await GetSynonymSetHandler.LoadAsync(sets, context, command.Name, command.Etag, ct)).TryGetValue(out var current, out var failed))
        {
            return failed;
        }

        var updated = current with
        {
            Rules = command.SynonymSet.ToRules("synonym_set").Value,
            Revision = current.Revision + 1,
            UpdateTime = Clock.Truncate(clock.GetUtcNow().UtcDateTime),
        };
        return await sets.UpdateAsync(updated, current.Revision, ct) ? updated : Error.ConcurrentModification(current.ResourceName);
    }
}
