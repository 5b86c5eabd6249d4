namespace Platform.Domain.Eav.Values;

/// <summary>An instant; canonical form is UTC truncated to microseconds (what PostgreSQL keeps).</summary>
public sealed record TimestampValue(DateTime Value) : AttributeValue;
