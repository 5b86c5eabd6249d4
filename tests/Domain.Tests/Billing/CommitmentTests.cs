using Platform.Domain.Billing;
using static Platform.Domain.Tests.Billing.BillingSamples;

namespace Platform.Domain.Tests.Billing;

public sealed class CommitmentTests
{
    [Theory]
    [InlineData(CommitmentTerm.OneYear, 30, 2027)]
    [InlineData(CommitmentTerm.ThreeYears, 50, 2029)]
    public void A_term_runs_from_its_first_period_for_whole_years(CommitmentTerm term, int percent, int endYear)
    {
        var calendar = BillingCalendar.Create("Europe/Berlin", BillingInterval.Month, 31).Value;

        var commitment = Commitment.Begin(term, calendar, new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.FromHours(1))).Value;

        Assert.Equal(percent, commitment.Percent);
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 0, 0, 0, TimeSpan.FromHours(1)), commitment.Start);
        Assert.Equal(new DateTimeOffset(endYear, 2, 28, 0, 0, 0, TimeSpan.FromHours(1)), commitment.End);
        Assert.True(commitment.Covers(commitment.Start));
        Assert.False(commitment.Covers(commitment.End));
    }

    [Theory]
    [InlineData(CommitmentTerm.OneYear, "USD", 99, 69.30)]
    [InlineData(CommitmentTerm.ThreeYears, "USD", 99, 49.50)]
    [InlineData(CommitmentTerm.OneYear, "USD", 9.99, 6.99)]
    [InlineData(CommitmentTerm.ThreeYears, "JPY", 2_985, 1_493)]
    [InlineData(CommitmentTerm.OneYear, "KWD", 9.255, 6.479)]
    public void The_committed_fee_is_rounded_once(CommitmentTerm term, string code, decimal listFee, decimal expected)
    {
        var currency = Currency.Of(code).Value;
        var commitment = new Commitment(term, UtcAt(2026, 1, 1), UtcAt(2027, 1, 1));
        var plan = Plan("pro", new Money(listFee, currency));

        Assert.Equal(new Money(expected, currency), plan.FullPeriodFee(commitment, UtcAt(2026, 4, 1)));
        Assert.Equal(new Money(listFee, currency), plan.FullPeriodFee(commitment, UtcAt(2027, 1, 1)));
    }

    [Fact]
    public void An_unknown_term_is_refused() =>
        Assert.Equal("commitment.term", Commitment.Begin((CommitmentTerm)2, Utc, UtcAt(2026, 1, 1)).Error!.Violations[0].Field);
}
