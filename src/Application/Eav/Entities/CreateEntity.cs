using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Eav;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Eav;

namespace Platform.Application.Eav.Entities;

/// <param name="AttributesJson">The entity's attributes as a JSON object.</param>
public sealed record CreateEntityCommand(string Parent, string? EntityId, string? AttributesJson, string? RequestId)
    : ICommand<Result<EntityView>>, IValidatable
{
    public Error? Validate()
    {
        var v = new Validation().Merge(EntityTypeNames.EntityType(Parent, "parent").Error);
        v.Check(EntityId is null || EntityIds.IsValid(EntityId), "entity_id", EntityIds.Rule);
        RequestIds.Check(v, RequestId);
        return v.ToError();
    }

    internal string Fingerprint() => PageToken.Fingerprint(Parent, EntityId ?? "", AttributesJson ?? "");
}

internal sealed class CreateEntityHandler(
    IEntityTypeRepository types,
    IRequestContext context,
    IIdempotencyStore idempotency,
    IEntityStore store,
    EntityCreator creator,
    TimeProvider clock) : ICommandHandler<CreateEntityCommand, Result<EntityView>>
{
    private const string Method = "CreateEntity";

    public async ValueTask<Result<EntityView>> Handle(CreateEntityCommand command, CancellationToken ct)
    {
        if (!(await EntityAccess.TypeAsync(types, context, command.Parent, ct)).TryGetValue(out var type, out var failed))
        {
            return failed;
        }

        var scope = $"platform.eav.v1.EntityService/{Method} {PageToken.Fingerprint(command.Parent, context.Principal?.Id ?? "")}";
        if (command.RequestId is { } requestId && await ReplayAsync(type, scope, requestId, command.Fingerprint(), ct) is { } replay)
        {
            return replay;
        }

        if (!EntityInput.Read(type, command.AttributesJson, applyDefaults: true).TryGetValue(out var attributes, out var invalid))
        {
            return invalid;
        }

        var revision = EntityAccess.Revision(context, clock, command.RequestId);
        var id = command.EntityId ?? NewIds.Next();
        if (command.RequestId is { } key)
        {
            idempotency.Add(new IdempotencyRecord(scope, key, command.Fingerprint(), EntityNames.Of(type.TenantId, type.Id, id), revision.Time));
        }

        var created = await creator.CreateAsync(type, [new NewEntity(id, attributes)], revision, _ => "entity.", ct);
        if (!created.IsSuccess && command.RequestId is { } raced &&
            await ReplayAsync(type, scope, raced, command.Fingerprint(), ct) is { } winner)
        {
            return winner; // A concurrent retry committed first: answer as it did.
        }

        return created.Map(list => EntityView.Of(type, list[0]));
    }

    private Task<Result<EntityView>?> ReplayAsync(EntityType type, string scope, string requestId, string fingerprint, CancellationToken ct) =>
        idempotency.ReplayAsync(scope, requestId, fingerprint, Method, async resource =>
        {
            var name = EntityResourceNames.Entity(resource).Value;
            return await store.FindAsync(type, name.Id, ct) is { } entity
                ? EntityView.Of(type, entity)
                : Result<EntityView>.Failure(Error.NotFound(resource));
        }, ct);
}

/// <summary>Generated entity ids: time-ordered (UUIDv7) so new rows land together in the id index.</summary>
internal static class NewIds
{
    public static string Next() => Guid.CreateVersion7().ToString("N");
}
