namespace Platform.Domain.Billing;

/// <summary>
/// An exact decimal amount in one currency. The amount may carry more digits than the currency
/// (a unit price of 0.001 USD); <see cref="Rounded"/> brings it to the currency's exponent.
/// </summary>
/// <remarks>
/// Arithmetic between two currencies throws: once the inputs of a calculation have been validated
/// (which refuses mixed currencies as a validation error), a mix can only be a programming error.
/// </remarks>
public sealed record Money(decimal Amount, Currency Currency)
{
    public static Money Zero(Currency currency) => new(0m, currency);

    public bool IsZero => Amount == 0m;

    public bool IsNegative => Amount < 0m;

    public bool IsRounded => Rounding.IsRounded(Amount, Currency);

    public Money Rounded() => this with { Amount = Rounding.ToCurrency(Amount, Currency) };

    public Money Times(decimal factor) => this with { Amount = Amount * factor };

    public static Money operator +(Money left, Money right) => new(left.Amount + Same(left, right).Amount, left.Currency);

    public static Money operator -(Money left, Money right) => new(left.Amount - Same(left, right).Amount, left.Currency);

    public static Money operator -(Money value) => value with { Amount = -value.Amount };

    public static bool operator <(Money left, Money right) => left.Amount < Same(left, right).Amount;

    public static bool operator >(Money left, Money right) => left.Amount > Same(left, right).Amount;

    public static bool operator <=(Money left, Money right) => left.Amount <= Same(left, right).Amount;

    public static bool operator >=(Money left, Money right) => left.Amount >= Same(left, right).Amount;

    public static Money Min(Money left, Money right) => left <= right ? left : right;

    public static Money Max(Money left, Money right) => left >= right ? left : right;

    public static Money Sum(IEnumerable<Money> values, Currency currency) => values.Aggregate(Zero(currency), (sum, m) => sum + m);

    /// <summary>
    /// Invariant text, e.g. <c>USD 29.00</c>, <c>JPY 2900</c>, <c>KWD -1.250</c>; an amount finer than
    /// the currency (a unit price) keeps all its digits rather than appearing rounded.
    /// </summary>
    public override string ToString() => $"{Currency.Code} {BillingText.Amount(Amount, Currency)}";

    private static Money Same(Money left, Money right) =>
        left.Currency == right.Currency
            ? right
            : throw new InvalidOperationException($"Cannot combine {left.Currency.Code} and {right.Currency.Code} amounts.");
}
