using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Application.Abstractions;
using Platform.Domain.Access;
using Platform.Domain.Audit;

namespace Platform.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration(string jsonColumnType) : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> b)
    {
        b.ToTable("api_keys");
        b.HasKey(k => k.Id).HasName(Constraints.ApiKeyPrimaryKey);
        b.Property(k => k.Id).HasColumnName("id").HasMaxLength(32);
        b.Property(k => k.TenantId).HasColumnName("tenant_id").HasMaxLength(63);
        b.Property(k => k.DisplayName).HasColumnName("display_name").HasMaxLength(200);
        b.Property(k => k.Roles).HasColumnName("roles").HasColumnType(jsonColumnType)
            .HasConversion(JsonValueConversions.ListConverter<string>(), JsonValueConversions.ListComparer<string>());
        b.Property(k => k.ExpireTime).HasColumnName("expire_time");
        b.Property(k => k.KeyPrefix).HasColumnName("key_prefix").HasMaxLength(16);
        b.Property(k => k.SecretHash).HasColumnName("secret_hash").HasMaxLength(64);
        b.Property(k => k.CreateTime).HasColumnName("create_time");
        b.Property(k => k.LastUsedTime).HasColumnName("last_used_time");
        b.Property(k => k.RevokeTime).HasColumnName("revoke_time");
        b.Ignore(k => k.ResourceName);
        b.Ignore(k => k.IsOperatorKey);
        b.Ignore(k => k.IsRevoked);
        b.HasIndex(k => k.KeyPrefix).IsUnique().HasDatabaseName("ux_api_keys_key_prefix");
        b.HasIndex(k => new { k.TenantId, k.CreateTime, k.Id }).HasDatabaseName("ix_api_keys_tenant_create_time");
    }
}

internal sealed class MemberConfiguration(string jsonColumnType) : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.ToTable("members");
        b.HasKey(m => new { m.TenantId, m.Id }).HasName(Constraints.MemberPrimaryKey);
        b.Property(m => m.TenantId).HasColumnName("tenant_id").HasMaxLength(63);
        b.Property(m => m.Id).HasColumnName("id").HasMaxLength(63);
        b.Property(m => m.Subject).HasColumnName("subject").HasMaxLength(255);
        b.Property(m => m.Issuer).HasColumnName("issuer").HasMaxLength(500);
        b.Property(m => m.DisplayName).HasColumnName("display_name").HasMaxLength(200);
        b.Property(m => m.Roles).HasColumnName("roles").HasColumnType(jsonColumnType)
            .HasConversion(JsonValueConversions.ListConverter<string>(), JsonValueConversions.ListComparer<string>());
        b.Property(m => m.CreateTime).HasColumnName("create_time");
        b.Property(m => m.UpdateTime).HasColumnName("update_time");
        b.Property(m => m.Version).HasColumnName("version").IsConcurrencyToken();
        b.Ignore(m => m.ResourceName);
        b.Ignore(m => m.Etag);
        b.HasIndex(m => new { m.TenantId, m.Issuer, m.Subject }).IsUnique().HasDatabaseName(Constraints.MemberSubject);
        b.HasIndex(m => new { m.TenantId, m.CreateTime, m.Id }).HasDatabaseName("ix_members_tenant_create_time");
    }
}

internal sealed class RoleConfiguration(string jsonColumnType) : IEntityTypeConfiguration<Role>
{
    public void Configure(EntityTypeBuilder<Role> b)
    {
        b.ToTable("roles");
        b.HasKey(r => new { r.TenantId, r.Id }).HasName(Constraints.RolePrimaryKey);
        b.Property(r => r.TenantId).HasColumnName("tenant_id").HasMaxLength(63);
        b.Property(r => r.Id).HasColumnName("id").HasMaxLength(63);
        b.Property(r => r.DisplayName).HasColumnName("display_name").HasMaxLength(200);
        b.Property(r => r.Description).HasColumnName("description").HasMaxLength(1000);
        b.Property(r => r.Permissions).HasColumnName("permissions").HasColumnType(jsonColumnType)
            .HasConversion(JsonValueConversions.ListConverter<string>(), JsonValueConversions.ListComparer<string>());
        b.Property(r => r.CreateTime).HasColumnName("create_time");
        b.Property(r => r.UpdateTime).HasColumnName("update_time");
        b.Property(r => r.Version).HasColumnName("version").IsConcurrencyToken();
        b.Ignore(r => r.ResourceName);
        b.Ignore(r => r.Etag);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.ToTable("audit_events");
        b.HasKey(e => e.Id).HasName("pk_audit_events");
        b.Property(e => e.Id).HasColumnName("id").HasMaxLength(32);
        b.Property(e => e.TenantId).HasColumnName("tenant_id").HasMaxLength(63);
        b.Property(e => e.EventTime).HasColumnName("event_time");
        b.Property(e => e.Principal).HasColumnName("principal").HasMaxLength(600);
        b.Property(e => e.Method).HasColumnName("method").HasMaxLength(200);
        b.Property(e => e.Resource).HasColumnName("resource").HasMaxLength(500);
        b.Property(e => e.RequestId).HasColumnName("request_id").HasMaxLength(64);
        b.Property(e => e.Outcome).HasColumnName("outcome").HasMaxLength(32);
        b.Property(e => e.Reason).HasColumnName("reason").HasMaxLength(64);
        b.Property(e => e.ClientAddress).HasColumnName("client_address").HasMaxLength(64);
        b.Ignore(e => e.ResourceName);
        b.HasIndex(e => new { e.TenantId, e.EventTime, e.Id }).HasDatabaseName("ix_audit_events_tenant_time");
        b.HasIndex(e => new { e.EventTime, e.Id }).HasDatabaseName("ix_audit_events_time");
    }
}
