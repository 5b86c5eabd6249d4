using Platform.Application.Eav.Filtering;
using Platform.Domain.Eav;
using Platform.Domain.Eav.Values;

namespace Platform.Eav.Tests.Data;

/// <summary>Seeded random entities of <see cref="ItemType"/>; each attribute present three times in four.</summary>
public static class RandomEntities
{
    private static readonly DateTime Base = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static List<FilterSubject> Generate(int count, int seed)
    {
        var random = new Random(seed);
        var entities = new List<FilterSubject>(count);
        for (var i = 0; i < count; i++)
        {
            var values = new Dictionary<string, AttributeValue>();
            foreach (var attribute in ItemType.Type.VisibleAttributes.Where(_ => random.Next(4) != 0))
            {
                values[attribute.Key] = attribute.Repeated
                    ? new ListValue(Enumerable.Range(0, random.Next(1, 4)).Select(_ => ValuePools.Scalar(attribute.Type, random)).ToList())
                    : ValuePools.Scalar(attribute.Type, random);
            }

            var attributes = EntityAttributes.Validate(ItemType.Type, values, applyDefaults: false).Value;

            // Few distinct times, so sorting by them exercises the tiebreaks.
            var created = Base.AddMinutes(random.Next(20)).AddTicks(random.Next(3) * 10);
            entities.Add(new FilterSubject($"e-{i:D4}-{random.Next(1000):D3}", created, created.AddSeconds(random.Next(5)), attributes));
        }

        return entities;
    }
}
