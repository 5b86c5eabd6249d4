using System.Globalization;
using Platform.Domain.Billing;
using Platform.Domain.Common;

namespace Platform.Application.Billing;

public enum ChargeKind
{
    None,
    PerUnit,
    Graduated,
    Volume,
    Package,
}

public sealed record TierSpec(string? UpTo, string? UnitPrice, string? FlatFee);

/// <summary>A metric price as it arrives: decimal strings, parsed here so that bad text is a field violation.</summary>
public sealed record MetricPriceSpec(string Metric, string? Included, ChargeKind Kind, string? UnitPrice, IReadOnlyList<TierSpec> Tiers,
    string? Size, string? PackagePrice, string? FreeBurst);

public sealed record PriceSpec(string? Currency, BillingInterval Interval, string? BaseFee, int TrialDays, IReadOnlyList<MetricPriceSpec> Metrics)
{
    public const int MaxTrialDays = 365;

    /// <summary>The domain price, or every violation at once (field paths under <c>price.</c>).</summary>
    public Result<PlanPrice> ToPrice(string planId, int version)
    {
        var v = new Validation();
        var currency = Domain.Billing.Currency.Of(Currency, "price.currency");
        v.Merge(currency.Error);
        v.Check(TrialDays is >= 0 and <= MaxTrialDays, "price.trial_days", $"must be from 0 to {MaxTrialDays}");
        var fee = Parse(v, BaseFee, "price.base_fee", required: true);
        var metrics = new List<MetricPrice>();
        for (var i = 0; i < Metrics.Count; i++)
        {
            var m = Metrics[i];
            var field = $"price.metrics[{i}]";
            var included = Parse(v, m.Included, $"{field}.included", required: false);
            ChargeModel? model = m.Kind switch
            {
                ChargeKind.PerUnit => new PerUnitCharge(Parse(v, m.UnitPrice, $"{field}.per_unit.unit_price", true)),
                ChargeKind.Graduated => new GraduatedCharge(Tiers(v, m.Tiers, $"{field}.graduated.tiers")),
                ChargeKind.Volume => new VolumeCharge(Tiers(v, m.Tiers, $"{field}.volume.tiers")),
                ChargeKind.Package => new PackageCharge(Parse(v, m.Size, $"{field}.package.size", true),
                    Parse(v, m.PackagePrice, $"{field}.package.package_price", true), Parse(v, m.FreeBurst, $"{field}.package.free_burst", false)),
                _ => null,
            };
            v.Check(model is not null, $"{field}.model", "one of per_unit, graduated, volume or package is required");
            metrics.Add(new MetricPrice(m.Metric, model!, included));
        }

        if (v.ToError() is { } error)
        {
            return error;
        }

        var built = PlanPrice.Create(planId, version, Interval, new Money(fee, currency.Value), metrics);
        return built.Error is { } invalid ? Prefixed(invalid) : built;
    }

    private static Error Prefixed(Error error) =>
        Error.Validation([.. error.Violations.Select(f => new FieldViolation(f.Field is "plan_id" or "version" ? f.Field : "price." + f.Field, f.Description))]);

    private static List<PriceTier> Tiers(Validation v, IReadOnlyList<TierSpec> tiers, string field)
    {
        var list = new List<PriceTier>();
        for (var i = 0; i < tiers.Count; i++)
        {
            var t = tiers[i];
            var upTo = string.IsNullOrEmpty(t.UpTo) ? (decimal?)null : Parse(v, t.UpTo, $"{field}[{i}].up_to", true);
            list.Add(new PriceTier(upTo, Parse(v, t.UnitPrice, $"{field}[{i}].unit_price", false), Parse(v, t.FlatFee, $"{field}[{i}].flat_fee", false)));
        }

        return list;
    }

    /// <summary>Plain decimal text ("29", "0.001"); no exponents, no thousands separators, never floating point.</summary>
    public static decimal Parse(Validation v, string? text, string field, bool required)
    {
        if (string.IsNullOrEmpty(text))
        {
            v.Check(!required, field, "is required (a decimal string)");
            return 0m;
        }

        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        v.Add(field, "must be a decimal string such as \"29.00\"");
        return 0m;
    }
}
