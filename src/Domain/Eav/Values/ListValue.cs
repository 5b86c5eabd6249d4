namespace Platform.Domain.Eav.Values;

/// <summary>
/// The value of a repeated attribute, in the order given (duplicates allowed). An empty list is
/// the same as no value and is never stored.
/// </summary>
public sealed record ListValue(IReadOnlyList<AttributeValue> Items) : AttributeValue
{
    public bool Equals(ListValue? other) => other is not null && Items.SequenceEqual(other.Items);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in Items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }
}
