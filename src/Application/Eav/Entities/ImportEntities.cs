using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Eav;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Eav;

namespace Platform.Application.Eav.Entities;

public enum ImportMode
{
    Create = 1,
    Upsert = 2,
}

/// <summary>One entity of an import stream; <paramref name="Index"/> is its position from 0.</summary>
public sealed record ImportItem(long Index, string? EntityId, string? AttributesJson);

public sealed record ImportError(long Index, string Field, string Description);

public sealed record ImportResult(long Created, long Updated, long Failed, IReadOnlyList<ImportError> Errors);

public sealed record ImportEntitiesCommand(string Parent, ImportMode Mode, string? UpsertKey, IAsyncEnumerable<ImportItem> Items)
    : ICommand<Result<ImportResult>>, IValidatable
{
    public Error? Validate() => new Validation()
        .Merge(EntityTypeNames.EntityType(Parent, "parent").Error)
        .Check(Mode != ImportMode.Upsert || !string.IsNullOrEmpty(UpsertKey), "upsert_key", "is required in UPSERT mode")
        .Check(Mode == ImportMode.Upsert || string.IsNullOrEmpty(UpsertKey), "upsert_key", "is only for UPSERT mode")
        .ToError();
}

/// <summary>
/// Imports a stream in chunks of <see cref="ChunkSize"/>: each chunk is validated, then created in
/// one transaction (one multi-row insert); if that fails (a race on an id or unique value, or the
/// plan's limit) the chunk is retried entity by entity so only the bad ones fail. An invalid
/// entity is reported and skipped, never the stream.
/// </summary>
internal sealed class ImportEntitiesHandler(IEntityTypeRepository types, IEntityStore store, IRequestContext context,
    EntityCreator creator, EntityChanger changer, TimeProvider clock) : ICommandHandler<ImportEntitiesCommand, Result<ImportResult>>
{
    public const int ChunkSize = 500;
    public const int MaxReportedErrors = 100;

    public async ValueTask<Result<ImportResult>> Handle(ImportEntitiesCommand command, CancellationToken ct)
    {
        if (!(await EntityAccess.TypeAsync(types, context, command.Parent, ct)).TryGetValue(out var type, out var failed))
        {
            return failed;
        }

        AttributeDefinition? key = null;
        if (command.Mode == ImportMode.Upsert && (key = type.FindAttribute(command.UpsertKey!)) is not { Unique: true })
        {
            return Error.Validation("upsert_key", $"'{command.UpsertKey}' is not a unique attribute of {type.ResourceName}");
        }

        var tally = new ImportTally();
        var chunk = new List<ImportItem>(ChunkSize);
        await foreach (var item in command.Items.WithCancellation(ct))
        {
            chunk.Add(item);
            if (chunk.Count == ChunkSize)
            {
                await FlushAsync(type, key, chunk, tally, ct);
                chunk.Clear();
            }
        }

        await FlushAsync(type, key, chunk, tally, ct);
        return tally.Result();
    }

    private async Task FlushAsync(EntityType type, AttributeDefinition? upsertKey, List<ImportItem> chunk, ImportTally tally, CancellationToken ct)
    {
        var creates = new List<(ImportItem Item, NewEntity Entity)>();
        foreach (var item in chunk)
        {
            if (item.EntityId is { } id && !EntityIds.IsValid(id))
            {
                tally.Fail(item.Index, "entity.name", EntityIds.Rule);
            }
            else if (!EntityInput.Read(type, item.AttributesJson, applyDefaults: true).TryGetValue(out var attributes, out var invalid))
            {
                tally.Fail(item.Index, invalid);
            }
            else if (upsertKey is not null && attributes.Get(upsertKey.Key) is { } value &&
                     await store.FindByValueAsync(type, upsertKey, value, ct) is { } existingId)
            {
                await UpdateAsync(type, item, existingId, attributes, tally, ct);
            }
            else
            {
                creates.Add((item, new NewEntity(item.EntityId ?? NewIds.Next(), attributes)));
            }
        }

        if (creates.Count == 0)
        {
            return;
        }

        var revision = EntityAccess.Revision(context, clock, null);
        if ((await creator.CreateAsync(type, creates.Select(c => c.Entity).ToList(), revision, _ => "entity.", ct)).IsSuccess)
        {
            tally.Created += creates.Count;
            return;
        }

        foreach (var (item, entity) in creates)
        {
            var one = await creator.CreateAsync(type, [entity], revision, _ => "entity.", ct);
            if (one.IsSuccess)
            {
                tally.Created++;
            }
            else
            {
                tally.Fail(item.Index, one.Error!);
            }
        }
    }

    private async Task UpdateAsync(EntityType type, ImportItem item, string id, AttributeMap attributes, ImportTally tally, CancellationToken ct)
    {
        if (await store.FindAsync(type, id, ct) is not { } entity || entity.IsDeleted)
        {
            tally.Fail(item.Index, "", "the matching entity was deleted during the import");
            return;
        }

        if (await EntityChecks.CheckAsync(store, type, entity.Id, attributes, ct) is { } refused)
        {
            tally.Fail(item.Index, refused);
            return;
        }

        var (readVersion, bytesBefore) = (entity.Version, entity.StorageBytes);
        var changed = entity.Update(type, attributes, EntityAccess.Revision(context, clock, null));
        var saved = changed.IsSuccess ? await changer.SaveAsync(type, entity, readVersion, bytesBefore, 0, changed.Value, ct) : changed.Error!;
        if (saved.IsSuccess)
        {
            tally.Updated++;
        }
        else
        {
            tally.Fail(item.Index, saved.Error!);
        }
    }

    private sealed class ImportTally
    {
        private readonly List<ImportError> _errors = [];

        public long Created { get; set; }
        public long Updated { get; set; }
        public long Failed { get; private set; }

        public void Fail(long index, Error error)
        {
            if (error.Violations.Count > 0)
            {
                Fail(index, error.Violations[0].Field, error.Violations[0].Description);
            }
            else
            {
                Fail(index, "", error.Message);
            }
        }

        public void Fail(long index, string field, string description)
        {
            Failed++;
            if (_errors.Count < MaxReportedErrors)
            {
                _errors.Add(new ImportError(index, field, description));
            }
        }

        public ImportResult Result() => new(Created, Updated, Failed, _errors);
    }
}
