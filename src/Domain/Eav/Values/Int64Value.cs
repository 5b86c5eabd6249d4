namespace Platform.Domain.Eav.Values;

public sealed record Int64Value(long Value) : AttributeValue;
