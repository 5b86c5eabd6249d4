using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Platform.Application.Eav.Entities;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;
using Proto = Platform.Eav.V1;

namespace Platform.GrpcHost.Mapping;

/// <summary>Entities, revisions and aggregates to and from their protos; attribute values as in <see cref="EavMapper"/>.</summary>
internal static class EntityMapper
{
    public static Proto.Entity ToProto(EntityView view)
    {
        var e = view.Entity;
        return new Proto.Entity
        {
            Name = e.ResourceName,
            Attributes = ToStruct(view.Attributes),
            Version = e.Version,
            CreateTime = Timestamps.ToProto(e.CreateTime),
            UpdateTime = Timestamps.ToProto(e.UpdateTime),
            DeleteTime = Timestamps.ToProto(e.DeleteTime),
            Etag = e.Etag,
        };
    }

    public static Proto.EntityRevision ToProto(EntityRevision r, EntityType? withEntityOf = null)
    {
        var proto = new Proto.EntityRevision
        {
            Name = r.ResourceName,
            Version = r.Version,
            Operation = (Proto.RevisionOperation)(int)r.Operation,
            Changes =
            {
                r.Changes.Select(c => new Proto.AttributeChange
                {
                    Attribute = c.Key,
                    OldValue = EavMapper.ToProto(c.Old),
                    NewValue = EavMapper.ToProto(c.New),
                }),
            },
            Principal = r.Principal,
            CreateTime = Timestamps.ToProto(r.Time),
            RequestId = r.RequestId ?? "",
        };
        if (withEntityOf is { } type)
        {
            proto.Entity = new Proto.Entity
            {
                Name = EntityNames.Of(r.TenantId, r.TypeId, r.EntityId),
                Attributes = ToStruct(new AttributeMap(r.Snapshot.Where(p => type.FindAttribute(p.Key) is not null))),
                Version = r.Version,
                UpdateTime = Timestamps.ToProto(r.Time),
                DeleteTime = Timestamps.ToProto(r.DeleteTime),
                Etag = r.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }

        return proto;
    }

    public static Proto.AggregateGroup ToProto(AggregateGroup g) => new()
    {
        Keys = { g.Keys.Select(NullableValue) },
        Values = { g.Values.Select(NullableValue) },
        Count = g.Count,
    };

    /// <summary>The wire's Struct as the JSON object the application reads; null when absent.</summary>
    public static string? ToJson(Struct? attributes) => attributes is null ? null : JsonFormatter.Default.Format(attributes);

    private static Struct ToStruct(AttributeMap attributes)
    {
        var s = new Struct();
        foreach (var (key, value) in attributes)
        {
            s.Fields[key] = EavMapper.ToProto(value);
        }

        return s;
    }

    private static Value NullableValue(AttributeValue? value) => EavMapper.ToProto(value) ?? Value.ForNull();
}
