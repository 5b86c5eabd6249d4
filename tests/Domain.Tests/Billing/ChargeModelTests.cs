using Platform.Domain.Billing;
using Platform.Domain.Common;

namespace Platform.Domain.Tests.Billing;

public sealed class ChargeModelTests
{
    // 0.01 for the first 1,000, 0.008 up to 10,000 (plus a 5.00 flat fee on entering), 0.005 beyond.
    private static readonly IReadOnlyList<PriceTier> Tiers =
    [
        new(1_000m, 0.01m),
        new(10_000m, 0.008m, 5m),
        new(null, 0.005m),
    ];

    [Fact]
    public void Per_unit_charges_every_unit_exactly() =>
        Assert.Equal(1234.567m, new PerUnitCharge(0.001m).Price(1_234_567m).Amount);

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0.01)]
    [InlineData(1_000, 10)]
    [InlineData(1_001, 15.008)]
    [InlineData(10_000, 87)]
    [InlineData(10_001, 87.005)]
    public void Graduated_prices_each_tier_separately_with_boundaries_in_the_lower_tier(int quantity, decimal expected) =>
        Assert.Equal(expected, new GraduatedCharge(Tiers).Price(quantity).Amount);

    [Fact]
    public void Graduated_spells_out_every_tier_reached()
    {
        var steps = new GraduatedCharge(Tiers).Price(12_000m).Steps;

        Assert.Equal(
        [
            new ChargeStep(0m, 1_000m, 1_000m, 1_000m, 0.01m, 0m),
            new ChargeStep(1_000m, 10_000m, 9_000m, 9_000m, 0.008m, 5m),
            new ChargeStep(10_000m, null, 2_000m, 2_000m, 0.005m, 0m),
        ], steps);
        Assert.Equal(10m + 72m + 5m + 10m, steps.Sum(s => s.Amount));
    }

    [Theory]
    [InlineData(1_000, 10)]
    [InlineData(1_001, 13.008)]
    [InlineData(10_000, 85)]
    [InlineData(10_001, 50.005)]
    public void Volume_prices_all_units_at_the_tier_of_the_total(int quantity, decimal expected) =>
        Assert.Equal(expected, new VolumeCharge(Tiers).Price(quantity).Amount);

    [Fact]
    public void Volume_has_the_cliff_that_makes_it_a_volume_discount()
    {
        var volume = new VolumeCharge(Tiers);
        Assert.True(volume.Price(10_001m).Amount < volume.Price(10_000m).Amount);
    }

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(1, 0, 1)]
    [InlineData(1_000, 0, 1)]
    [InlineData(1_001, 0, 2)]
    [InlineData(2_000, 0, 2)]
    [InlineData(150, 0.2, 1)]
    [InlineData(1_200, 0.2, 1)]
    [InlineData(1_201, 0.2, 2)]
    [InlineData(2_200, 0.2, 2)]
    [InlineData(2_201, 0.2, 3)]
    [InlineData(3_000, 0.2, 3)]
    public void Packages_round_up_unless_the_overflow_fits_in_the_free_burst(int quantity, decimal burst, int packages)
    {
        var model = new PackageCharge(1_000m, 2.5m, burst);

        var charge = model.Price(quantity);

        Assert.Equal(packages * 2.5m, charge.Amount);
        Assert.Equal(packages, charge.Steps.Sum(s => s.Billed));
    }

    [Fact]
    public void A_quotient_that_decimal_rounds_up_to_a_whole_number_still_counts_the_started_package()
    {
        // 29.999…9 / 3 comes out of decimal division as exactly 10: nine whole packages and a started tenth.
        var almost = 29.999999999999999999999999999m;
        Assert.Equal(10m, almost / 3m);

        Assert.Equal(10m, new PackageCharge(3m, 1m).Packages(almost));
        Assert.Equal(9m, new PackageCharge(3m, 1m, 0.5m).Packages(almost - 2m));
    }

    [Fact]
    public void Property_charges_never_decrease_with_quantity_except_for_volume()
    {
        var random = new Random(11);
        ChargeModel[] models =
        [
            new PerUnitCharge(0.001m),
            new GraduatedCharge(Tiers),
            new PackageCharge(1_000m, 2.5m),
            new PackageCharge(1_000m, 2.5m, 0.2m),
            new PackageCharge(0.5m, 0.05m, 0.1m),
        ];
        foreach (var model in models)
        {
            var previous = 0m;
            var quantity = 0m;
            for (var i = 0; i < 3_000; i++)
            {
                // Small steps near bounds and large jumps in between.
                quantity += random.Next(3) == 0 ? random.Next(0, 3) : random.Next(1, 2_000) + (random.Next(10) / 10m);
                var amount = model.Price(quantity).Amount;
                Assert.True(amount >= previous, $"{model} at {quantity}: {amount} < {previous}");
                previous = amount;
            }
        }
    }

    [Fact]
    public void Tiers_must_rise_and_end_open()
    {
        var v = new Validation();
        new GraduatedCharge([new(100m, 1m), new(100m, 1m), new(200m, -1m)]).Check(v, "model");

        var fields = v.Violations.Select(x => x.Field).ToList();
        Assert.Contains("model.tiers[1].up_to", fields);
        Assert.Contains("model.tiers[2].up_to", fields);
        Assert.Contains("model.tiers[2].unit_price", fields);
    }

    [Fact]
    public void Packages_need_a_size_and_a_burst_below_one_package()
    {
        var v = new Validation();
        new PackageCharge(0m, 1m, 1m).Check(v, "model");

        Assert.Equal(["model.size", "model.free_burst"], v.Violations.Select(x => x.Field));
    }

    [Fact]
    public void Negative_quantities_are_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PerUnitCharge(1m).Price(-1m));
}
