using Platform.Domain.Billing;
using Platform.Domain.Common;

namespace Platform.Domain.Tests.Billing;

public sealed class UsageEventRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string> None = [];

    private static (UsageEvent? Event, IReadOnlyList<string> Fields) Check(string metric = "tokens", string quantity = "1", DateTimeOffset? at = null,
        string key = "k", IReadOnlyDictionary<string, string>? properties = null)
    {
        var v = new Validation();
        var e = UsageEventRules.Check(v, "events[0]", metric, quantity, at ?? At, key, properties ?? None);
        return (e, v.Violations.Select(x => x.Field).ToList());
    }

    [Theory]
    [InlineData("3", "3")]
    [InlineData("0", "0")]
    [InlineData("0.250", "0.25")]
    [InlineData("007.5", "7.5")]
    [InlineData("1000000000000000", "1000000000000000")]
    [InlineData("0.123456789", "0.123456789")]
    public void Quantities_are_plain_decimals_kept_in_canonical_form(string text, string canonical) =>
        Assert.Equal(canonical, Check(quantity: text).Event!.QuantityText);

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("+1")]
    [InlineData("1e3")]
    [InlineData("1,5")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("1.2.3")]
    [InlineData(" 1")]
    [InlineData("0.0000000001")]
    [InlineData("1000000000000000.1")]
    [InlineData("NaN")]
    public void Other_quantities_are_refused_on_the_quantity_field(string text) =>
        Assert.Equal(["events[0].quantity"], Check(quantity: text).Fields);

    [Theory]
    [InlineData("Tokens")]
    [InlineData("1tokens")]
    [InlineData("to-kens")]
    [InlineData("")]
    [InlineData("api_calls")]
    [InlineData("storage_gb_months")]
    public void Metrics_must_be_valid_ids_and_not_platform_metered(string metric) =>
        Assert.Equal(["events[0].metric"], Check(metric: metric).Fields);

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("naïve")]
    public void Keys_are_printable_ascii(string key) => Assert.Equal(["events[0].idempotency_key"], Check(key: key).Fields);

    [Fact]
    public void Keys_and_properties_are_bounded()
    {
        Assert.Equal(["events[0].idempotency_key"], Check(key: new string('k', 129)).Fields);
        Assert.Empty(Check(key: new string('k', 128)).Fields);
        var many = Enumerable.Range(0, 17).ToDictionary(i => $"p{i}", _ => "v");
        Assert.Equal(["events[0].properties"], Check(properties: many).Fields);
        Assert.Equal(["events[0].properties"], Check(properties: new Dictionary<string, string> { ["Bad-Key"] = "v" }).Fields);
        Assert.Equal(["events[0].properties[user]"], Check(properties: new Dictionary<string, string> { ["user"] = new string('x', 257) }).Fields);
    }

    [Fact]
    public void A_missing_time_is_refused_and_times_keep_microseconds()
    {
        var v = new Validation();
        Assert.Null(UsageEventRules.Check(v, "events[2]", "tokens", "1", null, "k", None));
        Assert.Equal(["events[2].event_time"], v.Violations.Select(x => x.Field));
        Assert.Equal(At.AddTicks(1230), Check(at: At.AddTicks(1234)).Event!.EventTime);
    }

    [Fact]
    public void The_payload_hash_ignores_spelling_and_property_order_but_not_content()
    {
        var a = Check(quantity: "1.50", properties: new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" }).Event!;
        var b = Check(quantity: "1.5", properties: new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" }).Event!;
        Assert.Equal(a.PayloadHash, b.PayloadHash);
        Assert.NotEqual(a.PayloadHash, Check(quantity: "1.51", properties: a.Properties).Event!.PayloadHash);
        Assert.NotEqual(a.PayloadHash, Check(quantity: "1.5", properties: new Dictionary<string, string> { ["a"] = "12" }).Event!.PayloadHash);
        Assert.NotEqual(a.PayloadHash, Check(quantity: "1.5", at: At.AddMicroseconds(1), properties: a.Properties).Event!.PayloadHash);
        Assert.NotEqual(a.PayloadHash, Check(metric: "sms", quantity: "1.5", properties: a.Properties).Event!.PayloadHash);
    }
}

public sealed class UsageWindowTests
{
    // Anchor day 10 in Zurich: periods start at local midnight of the 10th (23:00 UTC on the 9th in winter).
    private static readonly BillingCalendar Calendar = BillingCalendar.Create("Europe/Zurich", BillingInterval.Month, 10).Value;
    private static readonly UsageWindow Window = UsageWindow.Default;
    private static readonly DateTimeOffset PeriodEnd = new(2026, 3, 9, 23, 0, 0, TimeSpan.Zero); // Mar 10 00:00 local

    [Theory]
    [InlineData(0, "Accepted")] // right at the period end
    [InlineData(72 * 60, "Accepted")] // exactly the grace period later
    [InlineData(72 * 60 + 1, "PeriodClosed")]
    [InlineData(40 * 24 * 60, "PeriodClosed")]
    public void An_event_of_the_previous_period_is_taken_until_the_grace_period_after_its_end(int minutesAfterEnd, string expected) =>
        Assert.Equal(Enum.Parse<UsageTiming>(expected), Window.Check(PeriodEnd.AddSeconds(-1), PeriodEnd.AddMinutes(minutesAfterEnd), Calendar));

    [Fact]
    public void Events_of_the_current_period_are_accepted_however_old()
    {
        var now = PeriodEnd.AddDays(20);
        Assert.Equal(UsageTiming.Accepted, Window.Check(PeriodEnd, now, Calendar));
        Assert.Equal(UsageTiming.PeriodClosed, Window.Check(PeriodEnd.AddTicks(-10), now, Calendar));
    }

    [Theory]
    [InlineData(0, "Accepted")]
    [InlineData(300, "Accepted")]
    [InlineData(301, "InFuture")]
    [InlineData(86400, "InFuture")]
    public void Events_ahead_of_the_clock_are_taken_within_the_skew(int secondsAhead, string expected)
    {
        var now = PeriodEnd.AddDays(1);
        Assert.Equal(Enum.Parse<UsageTiming>(expected), Window.Check(now.AddSeconds(secondsAhead), now, Calendar));
    }
}
