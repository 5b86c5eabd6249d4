namespace Platform.Domain.Eav.Values;

/// <summary>An exact decimal; canonical form has no trailing zeros (1.50 is stored as 1.5).</summary>
public sealed record DecimalValue(decimal Value) : AttributeValue;
