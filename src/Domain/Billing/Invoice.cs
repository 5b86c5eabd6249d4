namespace Platform.Domain.Billing;

/// <summary>
/// The computed invoice. <see cref="Total"/> is the sum of the lines, never negative; credit that
/// the lines leave over is in <see cref="CreditBalanceAfter"/>.
/// </summary>
public sealed record Invoice(Currency Currency, IReadOnlyList<InvoiceLine> Lines, Money Total, Money CreditBalanceAfter);
