using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Application.Abstractions.Search;
using Platform.Domain.Search;
using Platform.Domain.Search.Analysis;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Search;

/// <summary>Synonym sets in <c>synonym_sets</c>, rules as JSON; every write is conditional on the revision read.</summary>
internal sealed class SynonymSetRepository(PlatformDbContext db) : ISynonymSetRepository
{
    private const string Columns =
        """tenant_id AS "TenantId", id AS "Id", rules AS "Rules", revision AS "Revision", create_time AS "CreateTime", update_time AS "UpdateTime" """;

    public async Task<SynonymSetRecord?> FindAsync(string tenantId, string id, CancellationToken ct) =>
        (await db.Database.SqlQueryRaw<Row>($"SELECT {Columns} FROM synonym_sets WHERE tenant_id = {{0}} AND id = {{1}}", tenantId, id).ToListAsync(ct))
        .Select(ToRecord).FirstOrDefault();

    public async Task<IReadOnlyList<SynonymSetRecord>> ListAsync(string tenantId, string? afterId, int limit, CancellationToken ct) =>
        (await db.Database.SqlQueryRaw<Row>($"SELECT {Columns} FROM synonym_sets WHERE tenant_id = {{0}} AND id > {{1}} ORDER BY id LIMIT {{2}}",
            tenantId, afterId ?? "", limit).ToListAsync(ct)).Select(ToRecord).ToList();

    public async Task<bool> InsertAsync(SynonymSetRecord r, CancellationToken ct) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO synonym_sets (tenant_id, id, rules, revision, create_time, update_time)
            VALUES ({r.TenantId}, {r.Id}, {Serialize(r.Rules)}, {r.Revision}, {r.CreateTime}, {r.UpdateTime})
            ON CONFLICT (tenant_id, id) DO NOTHING
            """, ct) == 1;

    public async Task<bool> UpdateAsync(SynonymSetRecord r, long expectedRevision, CancellationToken ct) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE synonym_sets SET rules = {Serialize(r.Rules)}, revision = {r.Revision}, update_time = {r.UpdateTime}
            WHERE tenant_id = {r.TenantId} AND id = {r.Id} AND revision = {expectedRevision}
            """, ct) == 1;

    public async Task<bool> DeleteAsync(string tenantId, string id, long expectedRevision, CancellationToken ct) =>
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"DELETE FROM synonym_sets WHERE tenant_id = {tenantId} AND id = {id} AND revision = {expectedRevision}", ct) == 1;

    private static string Serialize(SynonymSet rules) => JsonSerializer.Serialize(new StoredRules(
        [.. rules.EquivalentGroups.Select(g => g.ToList())], [.. rules.OneWayRules.Select(r => new StoredRule(r.Input, [.. r.Synonyms]))]));

    // Stored rules were validated when written; a set that no longer validates is corruption, not user error.
    private static SynonymSetRecord ToRecord(Row row)
    {
        var stored = JsonSerializer.Deserialize<StoredRules>(row.Rules)!;
        var rules = SynonymSet.Create([.. stored.Groups], [.. stored.Rules.Select(r => new OneWaySynonym(r.Input, r.Synonyms))]).Value;
        return new SynonymSetRecord(row.TenantId, row.Id, rules, row.Revision,
            DateTime.SpecifyKind(row.CreateTime, DateTimeKind.Utc), DateTime.SpecifyKind(row.UpdateTime, DateTimeKind.Utc));
    }

    private sealed record Row(string TenantId, string Id, string Rules, long Revision, DateTime CreateTime, DateTime UpdateTime);

    private sealed record StoredRules(List<List<string>> Groups, List<StoredRule> Rules);

    private sealed record StoredRule(string Input, List<string> Synonyms);
}
