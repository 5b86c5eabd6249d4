namespace Platform.Domain.Eav.Values;

/// <summary>A STRING, TEXT, ENUM or REFERENCE value; canonical form is NFC.</summary>
public sealed record TextValue(string Value) : AttributeValue;
