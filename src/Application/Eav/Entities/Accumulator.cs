using Platform.Domain.Eav.Values;

namespace Platform.Application.Eav.Entities;

/// <summary>One aggregation over one group, in exact decimal arithmetic.</summary>
internal sealed class Accumulator(AggregateFunction function)
{
    private const int AverageScale = 10;
    private long _count;
    private decimal _sum;
    private AttributeValue? _best;

    /// <summary>Rows seen, with or without a value.</summary>
    public long Rows { get; private set; }

    public void Add(AttributeValue? value)
    {
        Rows++;
        if (value is null)
        {
            return;
        }

        _count++;
        switch (function)
        {
            case AggregateFunction.Sum or AggregateFunction.Avg:
                _sum += value switch
                {
                    Int64Value i => i.Value,
                    DecimalValue d => d.Value,
                    _ => 0,
                };
                break;
            case AggregateFunction.Min when _best is null || AttributeValueComparer.Instance.Compare(value, _best) < 0:
            case AggregateFunction.Max when _best is null || AttributeValueComparer.Instance.Compare(value, _best) > 0:
                _best = value;
                break;
        }
    }

    public AttributeValue? Result() => function switch
    {
        AggregateFunction.Count => new Int64Value(_count),
        AggregateFunction.Sum => _count == 0 ? null : new DecimalValue(_sum),
        AggregateFunction.Avg => _count == 0 ? null : new DecimalValue(Math.Round(_sum / _count, AverageScale, MidpointRounding.ToEven)),
        _ => _best,
    };
}
