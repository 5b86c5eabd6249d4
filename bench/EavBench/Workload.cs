using System.Globalization;

namespace Platform.Bench.EavBench;

internal enum Operation
{
    Q1,
    Q2,
    Q3,
    Get,
    Update,
}

/// <summary>
/// The arguments of one call; each operation reads the fields it needs. Every target runs the same
/// sequence of variants, so the native table, the handler and gRPC answer the very same questions.
/// </summary>
internal sealed record Variant(string Status, string Category, DateTime Since, long MinQty, string Id, long NewQty);

/// <summary>
/// The queries, as an AIP-160 filter / order_by for the platform and as the equivalent predicate
/// for the native table:
/// <list type="bullet">
/// <item>Q1 — two equalities and a range, sorted by the timestamp (the query hint's shape):
/// status (A, B or C) = …, category = …, created within the last 7, 30 or 90 days, newest first;
/// about 0.1–2 % of the tenant's entities match.</item>
/// <item>Q2 — a broad filter (active and qty ≥ 0–1,999: about 60 % match) sorted by the decimal, highest first.</item>
/// <item>Q3 — one equality (category, 5 %) sorted by qty ascending.</item>
/// <item>Get by name and Update of qty (update_mask attributes.qty) of a random entity.</item>
/// </list>
/// Every list asks for 20 entities (page_size 20).
/// </summary>
internal sealed class Workload
{
    public const int PageSize = 20;
    private const int VariantCount = 256;
    private static readonly int[] WindowDays = [7, 30, 90];

    private const int Slots = 8;

    private readonly Variant[] _variants;
    private readonly string[][] _ids;

    public Workload(int bigEntities, int seed)
    {
        var rng = new Random(seed);

        // Ids per client slot (measured clients 0–3, their warm-up 4–7), disjoint across slots while
        // the tenant has enough entities: two clients never update one entity at once (the platform
        // would answer ABORTED to the loser, as it should).
        var picks = Enumerable.Range(0, bigEntities).OrderBy(_ => rng.Next()).ToArray();
        _ids = new string[Slots][];
        for (var slot = 0; slot < Slots; slot++)
        {
            _ids[slot] = [.. Enumerable.Range(0, VariantCount).Select(i => ItemData.BigId(picks[((slot * VariantCount) + i) % picks.Length]))];
        }

        _variants = new Variant[VariantCount];
        for (var i = 0; i < VariantCount; i++)
        {
            _variants[i] = new Variant(
                ItemData.Statuses[rng.Next(3)],
                ItemData.Categories[rng.Next(ItemData.Categories.Length)],
                ItemData.CreatedTo.AddDays(-WindowDays[rng.Next(WindowDays.Length)]),
                rng.Next(2_000),
                _ids[0][i],
                rng.Next(10_000));
        }
    }

    public static IReadOnlyList<Operation> Operations { get; } = Enum.GetValues<Operation>();

    /// <summary>Client <paramref name="client"/>'s <paramref name="call"/>-th variant: clients start far apart in the list, and each has its own entities.</summary>
    public Variant For(int client, int call) =>
        _variants[((client * 61) + call) % VariantCount] with { Id = _ids[client % Slots][call % VariantCount] };

    public IEnumerable<Variant> First(int count) => _variants.Take(count);

    public static string Describe(Operation op) => op switch
    {
        Operation.Q1 => "Q1 status = S AND category = C AND created >= T, order by created desc",
        Operation.Q2 => "Q2 active = true AND qty >= N, order by price desc",
        Operation.Q3 => "Q3 category = C, order by qty",
        Operation.Get => "GetEntity by name",
        Operation.Update => "UpdateEntity qty (update_mask attributes.qty)",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    public static string Filter(Operation op, Variant v) => op switch
    {
        Operation.Q1 => $"attributes.status = \"{v.Status}\" AND attributes.category = \"{v.Category}\" AND attributes.created >= \"{ItemData.Timestamp(v.Since)}\"",
        Operation.Q2 => string.Create(CultureInfo.InvariantCulture, $"attributes.active = true AND attributes.qty >= {v.MinQty}"),
        Operation.Q3 => $"attributes.category = \"{v.Category}\"",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    public static string OrderBy(Operation op) => op switch
    {
        Operation.Q1 => "attributes.created desc",
        Operation.Q2 => "attributes.price desc",
        Operation.Q3 => "attributes.qty",
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    public static bool IsList(Operation op) => op is Operation.Q1 or Operation.Q2 or Operation.Q3;
}
