using System.Globalization;
using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Eav;

namespace Platform.Application.Eav.Entities;

public sealed record BatchCreateItem(string? Parent, string? EntityId, string? AttributesJson);

public sealed record BatchCreateEntitiesCommand(string Parent, IReadOnlyList<BatchCreateItem> Requests, string? RequestId)
    : ICommand<Result<IReadOnlyList<EntityView>>>, IValidatable
{
    public const int MaxRequests = 1000;

    public Error? Validate()
    {
        var v = new Validation().Merge(EntityTypeNames.EntityType(Parent, "parent").Error);
        v.Check(Requests.Count is > 0 and <= MaxRequests, "requests", $"must hold 1 to {MaxRequests} creates");
        for (var i = 0; i < Requests.Count && i < MaxRequests; i++)
        {
            var r = Requests[i];
            v.Check(string.IsNullOrEmpty(r.Parent) || r.Parent == Parent, $"requests[{i}].parent", "must be empty or equal to parent");
            v.Check(r.EntityId is null || EntityIds.IsValid(r.EntityId), $"requests[{i}].entity_id", EntityIds.Rule);
        }

        RequestIds.Check(v, RequestId);
        return v.ToError();
    }

    internal string Fingerprint() =>
        PageToken.Fingerprint([Parent, .. Requests.SelectMany(r => new[] { r.EntityId ?? "", r.AttributesJson ?? "" })]);

    internal static string Prefix(int index) => $"requests[{index.ToString(CultureInfo.InvariantCulture)}].entity.";
}

/// <summary>All or nothing: every entity is validated first, then all are written in one transaction.</summary>
internal sealed class BatchCreateEntitiesHandler(
    IEntityTypeRepository types,
    IRequestContext context,
    IIdempotencyStore idempotency,
    Abstractions.Eav.IEntityStore store,
    EntityCreator creator,
    TimeProvider clock) : ICommandHandler<BatchCreateEntitiesCommand, Result<IReadOnlyList<EntityView>>>
{
    private const string Method = "BatchCreateEntities";

    public async ValueTask<Result<IReadOnlyList<EntityView>>> Handle(BatchCreateEntitiesCommand command, CancellationToken ct)
    {
        if (!(await EntityAccess.TypeAsync(types, context, command.Parent, ct)).TryGetValue(out var type, out var failed))
        {
            return failed;
        }

        var scope = $"platform.eav.v1.EntityService/{Method} {PageToken.Fingerprint(command.Parent, context.Principal?.Id ?? "")}";
        if (command.RequestId is { } requestId && await ReplayAsync(command, type, scope, requestId, command.Fingerprint(), ct) is { } replay)
        {
            return replay;
        }

        var v = new Validation();
        var items = new List<NewEntity>(command.Requests.Count);
        for (var i = 0; i < command.Requests.Count; i++)
        {
            var r = command.Requests[i];
            if (EntityInput.Read(type, r.AttributesJson, applyDefaults: true, BatchCreateEntitiesCommand.Prefix(i)).TryGetValue(out var attributes, out var invalid))
            {
                items.Add(new NewEntity(IdOf(command, scope, i), attributes));
            }
            else
            {
                v.Merge(invalid);
            }
        }

        if (v.ToError() is { } error)
        {
            return error;
        }

        var revision = EntityAccess.Revision(context, clock, command.RequestId);
        if (command.RequestId is { } key)
        {
            idempotency.Add(new IdempotencyRecord(scope, key, command.Fingerprint(), command.Parent, revision.Time));
        }

        var created = await creator.CreateAsync(type, items, revision, BatchCreateEntitiesCommand.Prefix, ct);
        return created.Map(list => (IReadOnlyList<EntityView>)list.Select(e => EntityView.Of(type, e)).ToList());
    }

    /// <summary>
    /// The id of the i-th entity: the client's, or generated — derived from the request_id when
    /// there is one, so a retry names the same entities and its replay can load them.
    /// </summary>
    private static string IdOf(BatchCreateEntitiesCommand command, string scope, int index) =>
        command.Requests[index].EntityId ?? (command.RequestId is { } key
            ? Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
                System.Text.Encoding.UTF8.GetBytes($"{scope}\u001f{key}\u001f{index.ToString(CultureInfo.InvariantCulture)}")))[..32]
            : NewIds.Next());

    private Task<Result<IReadOnlyList<EntityView>>?> ReplayAsync(BatchCreateEntitiesCommand command, Domain.Eav.EntityType type, string scope, string requestId, string fingerprint, CancellationToken ct) =>
        idempotency.ReplayAsync<IReadOnlyList<EntityView>>(scope, requestId, fingerprint, Method, async _ =>
        {
            var order = Enumerable.Range(0, command.Requests.Count).Select(i => IdOf(command, scope, i)).ToList();
            var found = (await store.FindManyAsync(type, order, ct)).ToDictionary(e => e.Id, StringComparer.Ordinal);
            return order.Where(found.ContainsKey).Select(id => EntityView.Of(type, found[id])).ToList();
        }, ct);
}
