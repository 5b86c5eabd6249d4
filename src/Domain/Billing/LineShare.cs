namespace Platform.Domain.Billing;

/// <summary>The part of a discount taken from one line, identified by its position on the invoice.</summary>
public sealed record LineShare(int Line, Money Amount);
