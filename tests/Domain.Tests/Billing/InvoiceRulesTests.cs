using Platform.Domain.Billing;
using Platform.Domain.Common;
using static Platform.Domain.Tests.Billing.BillingSamples;

namespace Platform.Domain.Tests.Billing;

public sealed class InvoiceRulesTests
{
    [Fact]
    public void Every_problem_is_reported_at_once_before_anything_is_computed()
    {
        var euroPlan = Plan("euro", new Money(10m, Currency.Eur));
        var yearly = PlanPrice.Create("yearly", 1, BillingInterval.Year, new Money(290m, Currency.Usd), []).Value;

        var error = InvoiceCalculator.Calculate(new InvoiceInput
        {
            Plan = Basic,
            Closes = Month(2026, 4),
            Opens = Month(2026, 6),
            Changes =
            [
                new(UtcAt(2026, 4, 20), euroPlan, ChangeTiming.Immediately),
                new(UtcAt(2026, 4, 10), yearly, ChangeTiming.Immediately),
                new(UtcAt(2026, 3, 31), Pro, (ChangeTiming)9),
            ],
            Usage = [new(BillableMetrics.ApiCalls, 1m), new(BillableMetrics.ApiCalls, -1m)],
            CreditBalance = new Money(-1m, Currency.Usd),
        }).Error!;

        Assert.Equal(ErrorKind.Invalid, error.Kind);
        Assert.Equal(
        [
            "opens.start",
            "changes[0].to",
            "changes[1].to",
            "changes[1].at",
            "changes[2].timing",
            "changes[2].at",
            "changes[2].at",
            "usage[1].metric",
            "usage[1].quantity",
            "credit_balance",
        ], error.Violations.Select(v => v.Field));
    }

    [Fact]
    public void An_invoice_must_close_or_open_a_period_and_usage_needs_a_closed_one()
    {
        var fields = InvoiceCalculator.Calculate(new InvoiceInput { Plan = Basic, Usage = [new(BillableMetrics.ApiCalls, 1m)] })
            .Error!.Violations.Select(v => v.Field);

        Assert.Equal(["closes", "usage"], fields);
    }

    [Fact]
    public void Changes_before_the_subscription_started_are_refused()
    {
        var error = InvoiceCalculator.Calculate(new InvoiceInput
        {
            Plan = Basic,
            Closes = Month(2026, 4),
            SubscriptionStart = UtcAt(2026, 4, 10),
            Changes = [new(UtcAt(2026, 4, 5), Pro, ChangeTiming.Immediately)],
        }).Error!;

        Assert.Equal("changes[0].at", Assert.Single(error.Violations).Field);
    }

    [Fact]
    public void Plan_prices_are_validated_when_created()
    {
        var error = PlanPrice.Create("X", 0, BillingInterval.Month, new Money(-1m, Currency.Usd),
        [
            new MetricPrice("api_calls", new PerUnitCharge(-1m)),
            new MetricPrice("api_calls", new PerUnitCharge(1m), -5m),
        ]).Error!;

        Assert.Equal(
        [
            "plan_id",
            "version",
            "base_fee",
            "metrics[0].model.unit_price",
            "metrics[1].included",
            "metrics[1].metric",
        ], error.Violations.Select(v => v.Field));
    }
}
