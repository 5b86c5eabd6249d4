using Mediator;
using Platform.Application.Abstractions.Search;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Search.Synonyms;

public sealed record DeleteSynonymSetCommand(string Name, string? Etag) : ICommand<Result<string>>, IValidatable
{
    public Error? Validate() => SynonymSetNames.Parse(Name).Error;
}

internal sealed class DeleteSynonymSetHandler(ISynonymSetRepository sets, IRequestContext context) : ICommandHandler<DeleteSynonymSetCommand, Result<string>>
{
    public async ValueTask<Result<string>> Handle(DeleteSynonymSetCommand command, CancellationToken ct)
    {
        if (!(await GetSynonymSetHandler.LoadAsync(sets, context, command.Name, command.Etag, ct)).TryGetValue(out var current, out var failed))
        {
            return failed;
        }

        return await sets.DeleteAsync(current.TenantId, current.Id, current.Revision, ct) ? command.Name : Error.ConcurrentModification(command.Name);
    }
}
