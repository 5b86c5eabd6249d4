namespace Platform.Domain.Eav.Values;

public sealed record BoolValue(bool Value) : AttributeValue;
