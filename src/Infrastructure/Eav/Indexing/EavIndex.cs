namespace Platform.Infrastructure.Eav.Indexing;

/// <summary>
/// One index of one (tenant, type): key expressions in order, partial on the tenant and type so
/// it holds only that type's rows (a whole-table index per tenant attribute would index every
/// tenant's entities). Unique indexes cover live entities only. <see cref="Name"/> is a stable
/// digest of the definition, so a changed definition is a new index.
/// </summary>
public sealed record EavIndex(string Name, string TenantId, string TypeId, IReadOnlyList<string> Keys, bool Unique)
{
    /// <summary>
    /// The attributes whose queries the index serves (a hint's filter keys and attribute sort
    /// key), so a build state can be reported per attribute. Derived from the keys, so not part
    /// of equality.
    /// </summary>
    public IReadOnlyList<string> AttributeKeys { get; init; } = [];

    public bool Equals(EavIndex? other) =>
        other is not null && Name == other.Name && TenantId == other.TenantId && TypeId == other.TypeId
        && Unique == other.Unique && Keys.SequenceEqual(other.Keys);

    public override int GetHashCode() => HashCode.Combine(Name, TenantId, TypeId, Unique);
}
