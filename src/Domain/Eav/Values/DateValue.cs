namespace Platform.Domain.Eav.Values;

/// <summary>A calendar date without a time zone, written yyyy-MM-dd.</summary>
public sealed record DateValue(DateOnly Value) : AttributeValue;
