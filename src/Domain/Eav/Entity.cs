using System.Globalization;
using System.Text;
using Platform.Domain.Common;
using Platform.Domain.Eav.Values;

namespace Platform.Domain.Eav;

/// <summary>
/// A record of an entity type. Every change goes through a method here that returns the
/// <see cref="EntityRevision"/> describing it, so history can never miss a write: the store
/// saves both in one transaction. <see cref="Version"/> is the latest revision's number and
/// backs the etag.
/// </summary>
public sealed class Entity
{
    private Entity(string tenantId, string typeId, string id)
    {
        TenantId = tenantId;
        TypeId = typeId;
        Id = id;
    }

    public string TenantId { get; }
    public string TypeId { get; }
    public string Id { get; }
    public AttributeMap Attributes { get; private set; } = AttributeMap.Empty;
    public long Version { get; private set; }
    public DateTime CreateTime { get; private set; }
    public DateTime UpdateTime { get; private set; }
    public DateTime? DeleteTime { get; private set; }

    public bool IsDeleted => DeleteTime is not null;

    public string Etag => Version.ToString(CultureInfo.InvariantCulture);

    public string ResourceName => EntityNames.Of(TenantId, TypeId, Id);

    /// <summary>The bytes the entity's attributes take (what the <c>storage_bytes</c> limit counts).</summary>
    public long StorageBytes => StorageBytesOf(Attributes);

    public static long StorageBytesOf(AttributeMap attributes) => Encoding.UTF8.GetByteCount(AttributeJson.Serialize(attributes));

    /// <summary>Rebuilds a stored entity (no revision: nothing changed).</summary>
    public static Entity Load(string tenantId, string typeId, string id, AttributeMap attributes, long version,
        DateTime createTime, DateTime updateTime, DateTime? deleteTime) =>
        new(tenantId, typeId, id)
        {
            Attributes = attributes,
            Version = version,
            CreateTime = createTime,
            UpdateTime = updateTime,
            DeleteTime = deleteTime,
        };

    /// <param name="attributes">Already validated against the type (see <see cref="EntityAttributes"/>).</param>
    public static (Entity Entity, EntityRevision Revision) Create(EntityType type, string id, AttributeMap attributes, RevisionContext context)
    {
        var now = Clock.Truncate(context.Time);
        var entity = new Entity(type.TenantId, type.Id, id) { Attributes = attributes, Version = 1, CreateTime = now, UpdateTime = now };
        return (entity, entity.Revision(RevisionOperation.Create, AttributeMap.Empty, context with { Time = now }));
    }

    /// <summary>Replaces the attributes; hidden attributes' values are kept as they are.</summary>
    public Result<EntityRevision> Update(EntityType type, AttributeMap attributes, RevisionContext context) =>
        Change(type, attributes, RevisionOperation.Update, context);

    /// <summary>Puts back the values of <paramref name="revision"/> for the attributes still visible.</summary>
    public Result<EntityRevision> Restore(EntityType type, AttributeMap restored, RevisionContext context) =>
        Change(type, restored, RevisionOperation.Restore, context);

    public Result<EntityRevision> Delete(RevisionContext context)
    {
        if (IsDeleted)
        {
            return Error.InvalidState(ResourceName, "DELETED", $"{ResourceName} is already deleted.");
        }

        var before = Attributes;
        DeleteTime = Clock.Truncate(context.Time);
        return Bump(RevisionOperation.Delete, before, context);
    }

    public Result<EntityRevision> Undelete(RevisionContext context)
    {
        if (!IsDeleted)
        {
            return Error.InvalidState(ResourceName, "ACTIVE", $"{ResourceName} is not deleted.");
        }

        DeleteTime = null;
        return Bump(RevisionOperation.Undelete, Attributes, context);
    }

    public Error? CheckEtag(string? etag) =>
        string.IsNullOrEmpty(etag) || etag == Etag ? null : Error.EtagMismatch(ResourceName);

    private Result<EntityRevision> Change(EntityType type, AttributeMap attributes, RevisionOperation operation, RevisionContext context)
    {
        if (IsDeleted)
        {
            return Error.InvalidState(ResourceName, "DELETED", $"{ResourceName} is deleted; undelete it first.");
        }

        var before = Attributes;
        var hidden = before.Where(p => type.FindAttribute(p.Key) is null);
        Attributes = new AttributeMap([.. attributes, .. hidden]);
        return Bump(operation, before, context);
    }

    private EntityRevision Bump(RevisionOperation operation, AttributeMap before, RevisionContext context)
    {
        Version++;
        UpdateTime = Clock.Truncate(context.Time);
        return Revision(operation, before, context with { Time = UpdateTime });
    }

    private EntityRevision Revision(RevisionOperation operation, AttributeMap before, RevisionContext context) =>
        new(TenantId, TypeId, Id, Version, operation, AttributeDiff.Between(before, Attributes), context.Principal, context.Time,
            context.RequestId, Attributes, DeleteTime);
}
