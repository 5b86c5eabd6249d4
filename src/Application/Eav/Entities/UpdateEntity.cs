using System.Text.Json;
using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Eav;
using Platform.Application.Abstractions.Security;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Eav;

namespace Platform.Application.Eav.Entities;

/// <param name="UpdateMask"><c>attributes.{key}</c> paths or <c>attributes</c>; empty means the keys present in the JSON.</param>
public sealed record UpdateEntityCommand(string Name, string? Etag, string? AttributesJson, IReadOnlyList<string> UpdateMask, string? RequestId)
    : ICommand<Result<EntityView>>, IValidatable
{
    public Error? Validate()
    {
        var v = new Validation().Merge(EntityResourceNames.Entity(Name, "entity.name").Error);
        foreach (var path in UpdateMask)
        {
            v.Check(path == "attributes" || (path.StartsWith("attributes.", StringComparison.Ordinal) && AttributeKeys.IsValid(path["attributes.".Length..])),
                "update_mask", $"'{path}' is not updatable; use attributes or attributes.{{key}}");
        }

        RequestIds.Check(v, RequestId);
        return v.ToError();
    }
}

internal sealed class UpdateEntityHandler(IEntityTypeRepository types, IEntityStore store, IRequestContext context, EntityChanger changer, TimeProvider clock)
    : ICommandHandler<UpdateEntityCommand, Result<EntityView>>
{
    public async ValueTask<Result<EntityView>> Handle(UpdateEntityCommand command, CancellationToken ct)
    {
        var name = EntityResourceNames.Entity(command.Name).Value;
        if (!(await EntityAccess.EntityAsync(types, store, context, name, command.Etag, ct)).TryGetValue(out var found, out var failed))
        {
            return failed;
        }

        var (type, entity) = found;
        if (!Merge(type, entity, command).TryGetValue(out var attributes, out var invalid))
        {
            return invalid;
        }

        if (await EntityChecks.CheckAsync(store, type, entity.Id, attributes, ct) is { } refused)
        {
            return refused;
        }

        var (readVersion, bytesBefore) = (entity.Version, entity.StorageBytes);
        if (!entity.Update(type, attributes, EntityAccess.Revision(context, clock, command.RequestId)).TryGetValue(out var revision, out var deleted))
        {
            return deleted;
        }

        return (await changer.SaveAsync(type, entity, readVersion, bytesBefore, 0, revision, ct)).Map(e => EntityView.Of(type, e));
    }

    /// <summary>The entity's visible values with the masked ones replaced (or cleared when the request has none), validated as a whole.</summary>
    private static Result<AttributeMap> Merge(EntityType type, Entity entity, UpdateEntityCommand command)
    {
        JsonDocument input;
        try
        {
            input = JsonDocument.Parse(string.IsNullOrWhiteSpace(command.AttributesJson) ? "{}" : command.AttributesJson);
        }
        catch (JsonException)
        {
            return Error.Validation("entity.attributes", "must be a JSON object");
        }

        using (input)
        {
            if (input.RootElement.ValueKind != JsonValueKind.Object)
            {
                return Error.Validation("entity.attributes", "must be a JSON object");
            }

            var sent = input.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
            var masked = Masked(command.UpdateMask, sent.Keys, type);
            var v = new Validation();
            foreach (var key in masked.Where(k => type.FindAttribute(k) is null))
            {
                v.Add(command.UpdateMask.Count == 0 ? $"entity.attributes.{key}" : "update_mask", $"'{key}' is not an attribute of {type.ResourceName}");
            }

            if (v.ToError() is { } unknown)
            {
                return unknown;
            }

            var merged = AttributeJson.Write(w =>
            {
                foreach (var (key, value) in entity.Attributes.Where(p => type.FindAttribute(p.Key) is not null && !masked.Contains(p.Key)))
                {
                    w.WritePropertyName(key);
                    AttributeJson.WriteValue(w, value);
                }

                foreach (var key in masked.Where(sent.ContainsKey))
                {
                    w.WritePropertyName(key);
                    sent[key].WriteTo(w);
                }
            });
            return EntityInput.Read(type, merged, applyDefaults: false);
        }
    }

    private static HashSet<string> Masked(IReadOnlyList<string> mask, IEnumerable<string> sent, EntityType type)
    {
        if (mask.Count == 0)
        {
            return sent.ToHashSet(StringComparer.Ordinal);
        }

        return mask.Contains("attributes")
            ? [.. type.VisibleAttributes.Select(a => a.Key), .. sent]
            : mask.Select(p => p["attributes.".Length..]).ToHashSet(StringComparer.Ordinal);
    }
}
