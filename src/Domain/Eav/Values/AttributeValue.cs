namespace Platform.Domain.Eav.Values;

/// <summary>
/// A typed attribute value. One subtype per representation (TEXT, ENUM, REFERENCE and STRING
/// share <see cref="TextValue"/>); the attribute's definition says which representation is
/// valid, and <see cref="AttributeValueRules"/> turns a value into its canonical form.
/// </summary>
public abstract record AttributeValue;
