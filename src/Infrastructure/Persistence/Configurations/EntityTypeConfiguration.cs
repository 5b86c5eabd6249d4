using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Eav;

namespace Platform.Infrastructure.Persistence.Configurations;

/// <summary>
/// Entity types: one row each, the attribute list and query hints as JSON documents. The schema
/// revision doubles as the concurrency token, so two concurrent updates cannot both apply.
/// </summary>
internal sealed class EntityTypeConfiguration(string jsonColumnType) : IEntityTypeConfiguration<EntityType>
{
    public void Configure(EntityTypeBuilder<EntityType> b)
    {
        b.ToTable("entity_types");
        b.HasKey(t => new { t.TenantId, t.Id }).HasName("pk_entity_types");
        b.Property(t => t.TenantId).HasColumnName("tenant_id").HasMaxLength(63);
        b.Property(t => t.Id).HasColumnName("id").HasMaxLength(63);
        b.Property(t => t.DisplayName).HasColumnName("display_name").HasMaxLength(AttributeDefinitionRules.MaxDisplayNameLength);
        b.Property(t => t.Description).HasColumnName("description").HasMaxLength(AttributeDefinitionRules.MaxDescriptionLength);
        b.Property(t => t.Attributes).HasColumnName("attributes").HasColumnType(jsonColumnType)
            .HasConversion(v => AttributeDefinitionsJson.Serialize(v), v => AttributeDefinitionsJson.Deserialize(v),
                new ValueComparer<IReadOnlyList<AttributeDefinition>>(
                    (x, y) => x!.SequenceEqual(y!, AttributeComparer.Instance),
                    v => v.Aggregate(0, (h, a) => HashCode.Combine(h, a.Key)),
                    v => v.ToList()));
        b.Property(t => t.QueryHints).HasColumnName("query_hints").HasColumnType(jsonColumnType)
            .HasConversion(JsonValueConversions.ListConverter<QueryHint>(), JsonValueConversions.ListComparer<QueryHint>());
        b.Property(t => t.Revision).HasColumnName("revision").IsConcurrencyToken();
        b.Property(t => t.CreateTime).HasColumnName("create_time");
        b.Property(t => t.UpdateTime).HasColumnName("update_time");
        b.Ignore(t => t.Etag);
        b.Ignore(t => t.ResourceName);
        b.Ignore(t => t.VisibleAttributes);
    }

    /// <summary>By stored JSON: records holding lists do not compare by content.</summary>
    private sealed class AttributeComparer : IEqualityComparer<AttributeDefinition>
    {
        public static readonly AttributeComparer Instance = new();

        public bool Equals(AttributeDefinition? x, AttributeDefinition? y) =>
            AttributeDefinitionsJson.Serialize([x!]) == AttributeDefinitionsJson.Serialize([y!]);

        public int GetHashCode(AttributeDefinition obj) => obj.Key.GetHashCode(StringComparison.Ordinal);
    }
}
