using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Application.Abstractions;

namespace Platform.Infrastructure.Persistence.Configurations;

internal sealed class IdempotencyConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        b.ToTable("idempotency_keys");
        b.HasKey(r => new { r.Scope, r.RequestId }).HasName(Constraints.IdempotencyKey);
        b.Property(r => r.Scope).HasColumnName("scope").HasMaxLength(200);
        b.Property(r => r.RequestId).HasColumnName("request_id").HasMaxLength(64);
        b.Property(r => r.RequestHash).HasColumnName("request_hash").HasMaxLength(64);
        b.Property(r => r.ResourceName).HasColumnName("resource_name").HasMaxLength(500);
        b.Property(r => r.CreateTime).HasColumnName("create_time");
        b.HasIndex(r => r.CreateTime).HasDatabaseName("ix_idempotency_keys_create_time");
    }
}
