using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Application.Abstractions;
using Platform.Domain.Tenancy;

namespace Platform.Infrastructure.Persistence.Configurations;

internal sealed class TenantConfiguration(string jsonColumnType) : IEntityTypeConfiguration<Tenant>
{
    /// <summary>Name of the mapped string key (the domain exposes it as a TenantId).</summary>
    public const string Key = "_id";

    public void Configure(EntityTypeBuilder<Tenant> b)
    {
        b.ToTable("tenants");
        b.Property<string>(Key).HasColumnName("id").HasMaxLength(63);
        b.HasKey(Key).HasName(Constraints.TenantPrimaryKey);
        b.Ignore(t => t.Id);
        b.Ignore(t => t.Etag);
        b.Ignore(t => t.ResourceName);

        b.Property(t => t.DisplayName).HasColumnName("display_name").HasMaxLength(TenantRules.MaxDisplayNameLength);
        b.Property(t => t.Tier).HasColumnName("tier");
        b.Property(t => t.State).HasColumnName("state");
        b.Property(t => t.StateBeforeDelete).HasColumnName("state_before_delete");
        b.Property(t => t.Subdomain).HasColumnName("subdomain").HasMaxLength(63);
        b.Property(t => t.TimeZone).HasColumnName("time_zone").HasMaxLength(64);
        b.Property(t => t.PlanId).HasColumnName("plan_id").HasMaxLength(63).HasDefaultValue(Domain.Quota.PlanRules.DefaultPlanId);
        b.Property(t => t.BillingAnchorDay).HasColumnName("billing_anchor_day").HasDefaultValue(1);
        b.Property(t => t.CreateTime).HasColumnName("create_time");
        b.Property(t => t.UpdateTime).HasColumnName("update_time");
        b.Property(t => t.DeleteTime).HasColumnName("delete_time");
        b.Property(t => t.PurgeTime).HasColumnName("purge_time");
        b.Property(t => t.Version).HasColumnName("version").IsConcurrencyToken();

        b.Property(t => t.CustomDomains).HasColumnName("custom_domains").HasColumnType(jsonColumnType)
            .HasConversion(JsonValueConversions.ListConverter<CustomDomain>(), JsonValueConversions.ListComparer<CustomDomain>());
        b.Property(t => t.Labels).HasColumnName("labels").HasColumnType(jsonColumnType)
            .HasConversion(JsonValueConversions.MapConverter(), JsonValueConversions.MapComparer());

        b.Property(t => t.VerifiedDomains).HasColumnName("verified_domains").HasMaxLength(6000);
        b.HasIndex(t => t.Subdomain).IsUnique().HasDatabaseName(Constraints.TenantSubdomain);
        // Serves ListTenants' keyset order.
        b.HasIndex(nameof(Tenant.CreateTime), Key).HasDatabaseName("ix_tenants_create_time_id");
    }
}
