using Platform.Domain.Common;

namespace Platform.Domain.Billing;

/// <summary>
/// A coupon or negotiated reduction: either a percentage or a fixed amount off the lines in its
/// scope. Build one with <see cref="PercentOff"/> or <see cref="AmountOff"/>.
/// </summary>
public sealed record Discount(string Name, DiscountScope Scope, decimal? Percent, Money? Amount)
{
    public const int MaxNameLength = 100;

    public static Discount PercentOff(string name, decimal percent, DiscountScope scope = DiscountScope.All) => new(name, scope, percent, null);

    public static Discount AmountOff(string name, Money amount, DiscountScope scope = DiscountScope.All) => new(name, scope, null, amount);

    public void Check(Validation v, string field, Currency currency)
    {
        v.Check(!string.IsNullOrWhiteSpace(Name) && Name.Length <= MaxNameLength, $"{field}.name", $"is required, at most {MaxNameLength} characters")
         .Check(Enum.IsDefined(Scope), $"{field}.scope", "must be ALL, BASE_FEE or USAGE")
         .Check(Percent is null != Amount is null, field, "exactly one of percent and amount is required");
        if (Percent is { } percent)
        {
            v.Check(percent is > 0m and <= 100m, $"{field}.percent", "must be more than 0 and at most 100");
        }

        if (Amount is { } amount)
        {
            v.Check(amount.Currency == currency, $"{field}.amount", $"must be in {currency.Code}, the invoice's currency")
             .Check(amount.Amount > 0m && amount.IsRounded, $"{field}.amount", "must be positive and a whole number of minor units");
        }
    }

    public bool Covers(LineKind kind) => Scope switch
    {
        DiscountScope.All => IsBaseFee(kind) || kind == LineKind.Usage,
        DiscountScope.BaseFee => IsBaseFee(kind),
        DiscountScope.Usage => kind == LineKind.Usage,
        _ => false,
    };

    private static bool IsBaseFee(LineKind kind) => kind is LineKind.BaseFee or LineKind.ProrationCredit or LineKind.ProrationCharge;
}
