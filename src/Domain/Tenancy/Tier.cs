namespace Platform.Domain.Tenancy;

/// <summary>Service tier; decides placement (shared, pooled shard, dedicated) and default plan.</summary>
public enum Tier
{
    Free = 1,
    Standard = 2,
    Vip = 3,
    Enterprise = 4,
}
