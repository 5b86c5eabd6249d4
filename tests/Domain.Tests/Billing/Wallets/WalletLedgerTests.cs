using Platform.Domain.Billing;
using Platform.Domain.Billing.Wallets;

namespace Platform.Domain.Tests.Billing.Wallets;

public sealed class WalletLedgerTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);
    private long _seq;

    private WalletEntry Entry(WalletEntryKind kind, decimal amount, string? source = null, DateTime? expire = null, int priority = 0,
        string? refunded = null, string? id = null) =>
        new(++_seq, id ?? WalletEntry.NewId(), kind, amount, source, expire, priority, refunded, null, null, 0, "", "test", Now);

    [Fact]
    public void Balance_is_top_up_credit_plus_unexpired_grant_remainders()
    {
        var grant = Entry(WalletEntryKind.Grant, 5m, expire: Now.AddHours(1));
        var ledger = new WalletLedger([Entry(WalletEntryKind.TopUp, 10m), grant, Entry(WalletEntryKind.Consumption, -2m, grant.Id)]);

        Assert.Equal(13m, ledger.Balance(Now));
        Assert.Equal(10m, ledger.Balance(Now.AddHours(1))); // the 3 left of the grant expired at its expire_time
        Assert.Equal(13m, ledger.LedgerSum);
    }

    [Fact]
    public void Draws_take_lower_priority_first_then_earlier_expiry_then_older_grants_and_top_up_credit_last()
    {
        var late = Entry(WalletEntryKind.Grant, 3m, expire: Now.AddDays(2), priority: 10);
        var never = Entry(WalletEntryKind.Grant, 3m, priority: 10);
        var soon = Entry(WalletEntryKind.Grant, 1m, expire: Now.AddDays(1), priority: 10);
        var first = Entry(WalletEntryKind.Grant, 2m, priority: 5);
        var expired = Entry(WalletEntryKind.Grant, 50m, expire: Now.AddSeconds(-1), priority: 0);
        var ledger = new WalletLedger([Entry(WalletEntryKind.TopUp, 4m), late, never, soon, first, expired]);

        var parts = ledger.PlanDraw(10.5m, Now);

        Assert.Equal([(first.Id, 2m), (soon.Id, 1m), (late.Id, 3m), (never.Id, 3m), (null, 1.5m)],
            parts.Select(p => (p.SourceId, p.Amount)).ToArray());
    }

    [Fact]
    public void A_draw_never_covers_more_than_the_balance()
    {
        var ledger = new WalletLedger([Entry(WalletEntryKind.TopUp, 1m), Entry(WalletEntryKind.Grant, 0.5m)]);

        Assert.Equal(1.5m, ledger.PlanDraw(4m, Now).Sum(p => p.Amount));
        Assert.Empty(new WalletLedger([]).PlanDraw(1m, Now));
    }

    [Fact]
    public void A_refund_goes_back_to_the_bucket_drawn_from_and_only_up_to_what_was_consumed()
    {
        var grant = Entry(WalletEntryKind.Grant, 2m, expire: Now.AddHours(1));
        var fromGrant = Entry(WalletEntryKind.Consumption, -2m, grant.Id);
        var fromTopUp = Entry(WalletEntryKind.Consumption, -1m);
        var refund = Entry(WalletEntryKind.Refund, 1.5m, grant.Id, refunded: fromGrant.Id);
        var ledger = new WalletLedger([Entry(WalletEntryKind.TopUp, 5m), grant, fromGrant, fromTopUp, refund]);

        Assert.Equal(0.5m, ledger.Refundable(fromGrant));
        Assert.Equal(1m, ledger.Refundable(fromTopUp));
        Assert.Equal(1.5m, Assert.Single(ledger.AvailableGrants(Now)).Remaining);
        Assert.Equal(4m, ledger.TopUpBalance);
        Assert.Equal(4m, ledger.Balance(Now.AddHours(2))); // refunded grant credit expires with the grant
    }

    [Fact]
    public void Adjustments_count_against_the_bucket_they_name()
    {
        var grant = Entry(WalletEntryKind.Grant, 3m);
        var ledger = new WalletLedger([grant, Entry(WalletEntryKind.Adjustment, 2m), Entry(WalletEntryKind.Adjustment, -1m, grant.Id)]);

        Assert.Equal((2m, 2m, 4m), (ledger.TopUpBalance, ledger.AvailableGrants(Now)[0].Remaining, ledger.Balance(Now)));
    }

    [Theory]
    [InlineData("10", 10)]
    [InlineData("10.5", 10.5)]
    [InlineData("0.01", 0.01)]
    public void Amounts_parse_exactly(string text, decimal expected) =>
        Assert.Equal(expected, WalletAmounts.Parse(text, Currency.Usd, "amount").Value);

    [Theory]
    [InlineData("", "USD")]
    [InlineData("0", "USD")]
    [InlineData("-1", "USD")]
    [InlineData("1.001", "USD")]
    [InlineData("1.5", "JPY")]
    [InlineData("1e3", "USD")]
    [InlineData("NaN", "USD")]
    [InlineData("1,000", "USD")]
    [InlineData("1000000000000.01", "USD")]
    public void Bad_amounts_are_refused_naming_the_field(string text, string currency)
    {
        var error = WalletAmounts.Parse(text, Currency.Of(currency).Value, "amount").Error;

        Assert.Equal("amount", Assert.Single(error!.Violations).Field);
    }

    [Fact]
    public void Signed_amounts_refuse_only_zero()
    {
        Assert.Equal(-2.5m, WalletAmounts.Parse("-2.50", Currency.Usd, "amount", signed: true).Value);
        Assert.NotNull(WalletAmounts.Parse("0.00", Currency.Usd, "amount", signed: true).Error);
    }

    [Theory]
    [InlineData(12.5, "USD", "12.50")]
    [InlineData(0.001, "USD", "0.001")]
    [InlineData(-3, "USD", "-3.00")]
    [InlineData(2900, "JPY", "2900")]
    [InlineData(1.25, "KWD", "1.250")]
    public void Amounts_are_formatted_with_the_currency_digits_or_more(decimal amount, string currency, string expected) =>
        Assert.Equal(expected, WalletAmounts.Format(amount, Currency.Of(currency).Value));

    [Fact]
    public void Platform_consumption_may_be_finer_than_the_currency_but_not_unbounded()
    {
        Assert.Null(WalletAmounts.CheckConsumption(0.001m));
        Assert.NotNull(WalletAmounts.CheckConsumption(0.0000000001m));
        Assert.NotNull(WalletAmounts.CheckConsumption(0m));
    }
}
