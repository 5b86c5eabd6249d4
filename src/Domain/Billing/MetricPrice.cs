using Platform.Domain.Common;
using Platform.Domain.Quota;

namespace Platform.Domain.Billing;

/// <summary>
/// How a plan prices one metric: <paramref name="Included"/> units per period come with the base
/// fee, and the quantity above them is priced by <paramref name="Model"/>.
/// </summary>
public sealed record MetricPrice(string Metric, ChargeModel Model, decimal Included = 0m)
{
    public void Check(Validation v, string field)
    {
        v.Check(Metrics.IsValidId(Metric), $"{field}.metric", "must match [a-z][a-z0-9_]{0,62}");
        PriceRules.Quantity(v, Included, $"{field}.included");
        if (Model is null)
        {
            v.Add($"{field}.model", "is required");
        }
        else
        {
            Model.Check(v, $"{field}.model");
        }
    }
}
