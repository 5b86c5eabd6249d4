using Platform.Domain.Eav;

namespace Platform.Eav.Tests.Data;

/// <summary>Seeded random order_by strings: one to three distinct sortable fields, mixed directions.</summary>
public sealed class RandomOrders(int seed)
{
    private readonly Random _random = new(seed);

    public string Next()
    {
        string[] fields = [.. ItemType.Sortable.Select(a => a.Path), SystemFields.CreateTime, SystemFields.UpdateTime];
        var picked = fields.OrderBy(_ => _random.Next()).Take(_random.Next(1, 4));
        return string.Join(", ", picked.Select(f => _random.Next(3) switch { 0 => f + " desc", 1 => f + " asc", _ => f }));
    }
}
