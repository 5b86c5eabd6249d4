using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Domain.Quota;
using Platform.Infrastructure.Quota;

namespace Platform.Infrastructure.Persistence.Configurations;

internal sealed class PlanConfiguration(string jsonColumnType) : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> b)
    {
        b.ToTable("plans");
        b.HasKey(p => p.Id).HasName("pk_plans");
        b.Property(p => p.Id).HasColumnName("id").HasMaxLength(63);
        b.Ignore(p => p.ResourceName);
        b.Ignore(p => p.Etag);
        b.Property(p => p.DisplayName).HasColumnName("display_name").HasMaxLength(PlanRules.MaxDisplayNameLength);
        b.Property(p => p.Description).HasColumnName("description").HasMaxLength(PlanRules.MaxDescriptionLength);
        b.Property(p => p.Limits).HasColumnName("limits").HasColumnType(jsonColumnType)
            .HasConversion(JsonValueConversions.ListConverter<Limit>(), JsonValueConversions.ListComparer<Limit>());
        b.Property(p => p.CreateTime).HasColumnName("create_time");
        b.Property(p => p.UpdateTime).HasColumnName("update_time");
        b.Property(p => p.Version).HasColumnName("version").IsConcurrencyToken();
    }
}

internal sealed class QuotaOverrideConfiguration(string jsonColumnType) : IEntityTypeConfiguration<QuotaOverride>
{
    public void Configure(EntityTypeBuilder<QuotaOverride> b)
    {
        b.ToTable("quota_overrides");
        b.HasKey(o => new { o.TenantId, o.LimitId }).HasName("pk_quota_overrides");
        b.Property(o => o.TenantId).HasColumnName("tenant_id").HasMaxLength(63);
        b.Property(o => o.LimitId).HasColumnName("limit_id").HasMaxLength(100);
        b.Property(o => o.Limit).HasColumnName("limit_value").HasColumnType(jsonColumnType)
            .HasConversion(
                v => System.Text.Json.JsonSerializer.Serialize(v, System.Text.Json.JsonSerializerOptions.Default),
                v => System.Text.Json.JsonSerializer.Deserialize<Limit>(v, System.Text.Json.JsonSerializerOptions.Default)!);
        b.Property(o => o.UpdateTime).HasColumnName("update_time");
    }
}

internal sealed class QuotaCounterConfiguration : IEntityTypeConfiguration<QuotaCounter>
{
    public void Configure(EntityTypeBuilder<QuotaCounter> b)
    {
        b.ToTable(QuotaCounter.Table);
        b.HasKey(c => new { c.TenantId, c.Metric }).HasName("pk_quota_counters");
        b.Property(c => c.TenantId).HasColumnName("tenant_id").HasMaxLength(63);
        b.Property(c => c.Metric).HasColumnName("metric").HasMaxLength(63);
        b.Property(c => c.Used).HasColumnName("used");
    }
}
