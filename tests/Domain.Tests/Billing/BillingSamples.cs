using System.Globalization;
using System.Text;
using Platform.Domain.Billing;

namespace Platform.Domain.Tests.Billing;

/// <summary>Plans, periods and checks shared by the billing tests.</summary>
internal static class BillingSamples
{
    public static PlanPrice Free => SeedPrices.For("free");
    public static PlanPrice Basic => SeedPrices.For("basic");
    public static PlanPrice Pro => SeedPrices.For("pro");
    public static PlanPrice Enterprise => SeedPrices.For("enterprise");

    public static BillingCalendar Utc { get; } = BillingCalendar.Create("UTC", BillingInterval.Month, 1).Value;

    public static DateTimeOffset UtcAt(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    /// <summary>The UTC calendar month starting on the given day.</summary>
    public static BillingPeriod Month(int year, int month) => Utc.PeriodContaining(UtcAt(year, month, 1));

    public static PlanPrice Plan(string id, Money fee, params MetricPrice[] metrics) =>
        PlanPrice.Create(id, 1, BillingInterval.Month, fee, metrics).Value;

    public static Invoice Calculate(InvoiceInput input)
    {
        var result = InvoiceCalculator.Calculate(input);
        Assert.True(result.IsSuccess, result.Error?.Message);
        AssertBalanced(result.Value);
        return result.Value;
    }

    /// <summary>The invariants every invoice keeps, whatever its input.</summary>
    public static void AssertBalanced(Invoice invoice)
    {
        Assert.Equal(Money.Sum(invoice.Lines.Select(l => l.Amount), invoice.Currency), invoice.Total);
        Assert.False(invoice.Total.IsNegative);
        Assert.False(invoice.CreditBalanceAfter.IsNegative);
        Assert.All(invoice.Lines, l => Assert.True(l.Amount.IsRounded, $"{l.Description}: {l.Amount} is not rounded"));
        Assert.All(invoice.Lines, l => Assert.Equal(invoice.Currency, l.Amount.Currency));
        foreach (var discount in invoice.Lines.Where(l => l.Kind == LineKind.Discount))
        {
            Assert.Equal(discount.Amount, Money.Sum(discount.Shares.Select(s => s.Amount), invoice.Currency));
        }
    }

    public static Money Usd(decimal amount) => new(amount, Currency.Usd);

    /// <summary>What the proration lines of one plan add up to on an invoice.</summary>
    public static Money ProrationsOf(Invoice invoice, string planId) =>
        Money.Sum(invoice.Lines.Where(l => l.PlanId == planId && l.Kind is LineKind.ProrationCredit or LineKind.ProrationCharge).Select(l => l.Amount), invoice.Currency);

    public static Money Lines(Invoice invoice, LineKind kind) =>
        Money.Sum(invoice.Lines.Where(l => l.Kind == kind).Select(l => l.Amount), invoice.Currency);

    /// <summary>Everything an invoice holds, as text, so two computations can be compared exactly (scale included).</summary>
    public static string Render(Invoice invoice)
    {
        var text = new StringBuilder();
        foreach (var l in invoice.Lines)
        {
            text.Append(CultureInfo.InvariantCulture, $"{l.Kind}|{l.Description}|{Exact(l.Amount)}|{l.PlanId}|{l.Metric}|{l.From:O}|{l.To:O}|{l.Quantity}|{l.Included}");
            foreach (var s in l.Charge?.Steps ?? [])
            {
                text.Append(CultureInfo.InvariantCulture, $"|step {s.From}/{s.UpTo}/{s.Units}/{s.Billed}/{s.Price}/{s.FlatFee}");
            }

            foreach (var s in l.Shares)
            {
                text.Append(CultureInfo.InvariantCulture, $"|share {s.Line}/{Exact(s.Amount)}");
            }

            text.Append('\n');
        }

        return text.Append(CultureInfo.InvariantCulture, $"total {Exact(invoice.Total)} balance {Exact(invoice.CreditBalanceAfter)}").ToString();
    }

    private static string Exact(Money m) => $"{m.Currency.Code} {m.Amount.ToString(CultureInfo.InvariantCulture)}";
}
