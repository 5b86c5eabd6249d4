using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;
using static Platform.Domain.Tests.Eav.Samples;

namespace Platform.Domain.Tests.Eav;

public sealed class EntityTests
{
    private static readonly RevisionContext By = new("apiKeys/k1", Now, "req-1");

    private static AttributeMap Map(params (string Key, AttributeValue Value)[] values) =>
        new(values.Select(v => KeyValuePair.Create(v.Key, v.Value)));

    [Fact]
    public void Create_is_version_1_and_its_revision_lists_every_value_as_new()
    {
        var (entity, revision) = Entity.Create(Product(), "e1", Map(("sku", new TextValue("ABC-1")), ("stock", new Int64Value(3))), By);

        Assert.Equal((1L, "1"), (entity.Version, entity.Etag));
        Assert.Equal("tenants/acme/entityTypes/product/entities/e1", entity.ResourceName);
        Assert.Equal(RevisionOperation.Create, revision.Operation);
        Assert.Equal(["sku", "stock"], revision.Changes.Select(c => c.Key));
        Assert.All(revision.Changes, c => Assert.Null(c.Old));
        Assert.Equal(("apiKeys/k1", "req-1"), (revision.Principal, revision.RequestId));
        Assert.Equal(entity.Attributes, revision.Snapshot);
    }

    [Fact]
    public void Update_records_only_what_changed_and_keeps_hidden_values()
    {
        var full = Product();
        var (entity, _) = Entity.Create(full, "e1", Map(("sku", new TextValue("ABC-1")), ("stock", new Int64Value(3)), ("notes", new TextValue("n"))), By);
        var withoutNotes = Product();
        withoutNotes.Apply(withoutNotes.PlanUpdate(Spec([.. ProductAttributes().Where(a => a.Key != "notes")])).Value, Now);

        var revision = entity.Update(withoutNotes, Map(("sku", new TextValue("ABC-1")), ("stock", new Int64Value(4))), By with { RequestId = null }).Value;

        Assert.Equal(2, entity.Version);
        var change = Assert.Single(revision.Changes);
        Assert.Equal(new AttributeChange("stock", new Int64Value(3), new Int64Value(4)), change);
        Assert.Equal(new TextValue("n"), entity.Attributes.Get("notes")); // hidden, not lost
    }

    [Fact]
    public void Delete_and_undelete_are_revisions_and_refuse_the_wrong_state()
    {
        var (entity, _) = Entity.Create(Product(), "e1", Map(("sku", new TextValue("ABC-1"))), By);
        Assert.Equal("ACTIVE", entity.Undelete(By).Error!.Metadata["state"]);

        var deleted = entity.Delete(By with { Time = Now.AddMinutes(1) }).Value;
        Assert.Equal((RevisionOperation.Delete, 2L), (deleted.Operation, deleted.Version));
        Assert.Empty(deleted.Changes);
        Assert.True(entity.IsDeleted);
        Assert.Equal("DELETED", entity.Delete(By).Error!.Metadata["state"]);
        Assert.Equal("DELETED", entity.Update(Product(), entity.Attributes, By).Error!.Metadata["state"]);

        Assert.Equal(RevisionOperation.Undelete, entity.Undelete(By).Value.Operation);
        Assert.Equal(3, entity.Version);
        Assert.Null(entity.DeleteTime);
    }

    [Fact]
    public void Etags_follow_the_version_and_storage_bytes_the_canonical_json()
    {
        var (entity, _) = Entity.Create(Product(), "e1", Map(("sku", new TextValue("ABC-1"))), By);
        Assert.Null(entity.CheckEtag("1"));
        Assert.Null(entity.CheckEtag(null));
        Assert.Equal("ETAG_MISMATCH", entity.CheckEtag("7")!.Reason);
        Assert.Equal("{\"sku\":\"ABC-1\"}".Length, entity.StorageBytes);
    }
}
