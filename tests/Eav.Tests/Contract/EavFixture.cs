using Platform.Application.Eav.Filtering;
using Platform.Eav.Tests.Data;
using Platform.Eav.Tests.Stores;

namespace Platform.Eav.Tests.Contract;

/// <summary>
/// One database per provider, loaded once: random entities of <see cref="ItemType"/>, a few
/// soft-deleted ones, and rows of other tenants and types that reuse the same keys with other
/// JSON types (which the generated SQL must neither return nor trip over).
/// </summary>
public abstract class EavFixture : IAsyncLifetime
{
    public const int Seed = 4_2026;

    public EavStore Store { get; private set; } = null!;

    /// <summary>The live entities of acme/item, as the evaluator sees them.</summary>
    public List<FilterSubject> Entities { get; private set; } = [];

    protected abstract Task<EavStore> CreateStoreAsync();

    public async ValueTask InitializeAsync()
    {
        Store = await CreateStoreAsync();
        var all = RandomEntities.Generate(360, Seed);
        Entities = all.Take(330).ToList();
        foreach (var entity in Entities)
        {
            await Store.InsertAsync(ItemType.Tenant, ItemType.TypeId, entity);
        }

        foreach (var deleted in all.Skip(330))
        {
            await Store.InsertAsync(ItemType.Tenant, ItemType.TypeId, deleted, deleted: true);
        }

        // Same keys, other JSON types: a cast or array function evaluated on these would fail.
        const string foreign = """{"s":5,"n":"oops","d":"cheap","b":"yes","dt":7,"ts":false,"e":{"x":1},"tags":"scalar","nums":"x","decs":{"a":1},"~d":3,"t":[1]}""";
        var time = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 20; i++)
        {
            await Store.InsertRawAsync("other", ItemType.TypeId, $"x-{i}", foreign, time, time);
            await Store.InsertRawAsync(ItemType.Tenant, "gadget", $"y-{i}", foreign, time, time);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
