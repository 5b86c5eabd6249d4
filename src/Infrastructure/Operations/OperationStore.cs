using Microsoft.EntityFrameworkCore;
using Platform.Application.Abstractions.Operations;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Operations;

/// <summary>
/// Operations in the <c>operations</c> table, read and written with SQL (no EF entity). Two partial
/// unique indexes carry the rules: one request_id per tenant, one active operation per kind and target.
/// </summary>
internal sealed class OperationStore(PlatformDbContext db, OperationWorker worker) : IOperationStore
{
    internal const string Columns =
        """
        tenant_id AS "TenantId", id AS "Id", kind AS "Kind", target AS "Target", request_id AS "RequestId", state AS "State",
        cancel_requested AS "CancelRequested", processed AS "Processed", total AS "Total", documents AS "Documents", cursor AS "Cursor",
        create_time AS "CreateTime", update_time AS "UpdateTime", start_time AS "StartTime", end_time AS "EndTime",
        error_code AS "ErrorCode", error_message AS "ErrorMessage"
        """;

    public async Task<OperationRecord?> FindAsync(string tenantId, string id, CancellationToken ct) =>
        await OneAsync($"SELECT {Columns} FROM operations WHERE tenant_id = {{0}} AND id = {{1}}", [tenantId, id], ct);

    public async Task<OperationRecord?> FindByRequestIdAsync(string tenantId, string requestId, CancellationToken ct) =>
        await OneAsync($"SELECT {Columns} FROM operations WHERE tenant_id = {{0}} AND request_id = {{1}}", [tenantId, requestId], ct);

    public async Task<OperationRecord?> FindActiveAsync(string tenantId, string kind, string target, CancellationToken ct) =>
        await OneAsync($"SELECT {Columns} FROM operations WHERE tenant_id = {{0}} AND kind = {{1}} AND target = {{2}} AND state IN (1, 2)",
            [tenantId, kind, target], ct);

    public async Task<bool> TryInsertAsync(OperationRecord o, CancellationToken ct) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO operations (tenant_id, id, kind, target, request_id, state, cancel_requested, processed, total, documents, cursor,
                create_time, update_time, start_time, end_time, error_code, error_message, locked_until, lease_owner)
            VALUES ({o.TenantId}, {o.Id}, {o.Kind}, {o.Target}, {o.RequestId}, {(int)o.State}, 0, {o.Processed}, {o.Total}, {o.Documents}, {o.Cursor},
                {o.CreateTime}, {o.UpdateTime}, {o.StartTime}, {o.EndTime}, {o.ErrorCode}, {o.ErrorMessage}, NULL, NULL)
            ON CONFLICT DO NOTHING
            """, ct) == 1;

    public async Task<IReadOnlyList<OperationRecord>> ListAsync(string tenantId, bool? done, (DateTime CreateTime, string Id)? after, int limit,
        CancellationToken ct)
    {
        var state = done switch
        {
            true => " AND state >= 3",
            false => " AND state IN (1, 2)",
            null => "",
        };
        // Only the parameters the statement uses are passed (PostgreSQL refuses unused ones it cannot type).
        object[] args = after is { } a ? [tenantId, limit, a.CreateTime, a.Id] : [tenantId, limit];
        var keyset = after is null ? "" : " AND (create_time < {2} OR (create_time = {2} AND id < {3}))";
        // Both fragments are fixed text chosen above; every value is a parameter.
        var sql = $"SELECT {Columns} FROM operations WHERE tenant_id = {{0}}{state}{keyset} ORDER BY create_time DESC, id DESC LIMIT {{1}}";
        var rows = await db.Database.SqlQueryRaw<Row>(sql, args).ToListAsync(ct);
        return rows.Select(r => r.ToRecord()).ToList();
    }

    public async Task<OperationRecord?> RequestCancelAsync(string tenantId, string id, DateTime now, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE operations SET cancel_requested = 1, update_time = {now} WHERE tenant_id = {tenantId} AND id = {id} AND state IN (1, 2)", ct);
        // Nobody holds it (pending, or its worker died): it ends here. A held one ends at its worker's next chunk.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE operations SET state = {(int)OperationState.Cancelled}, error_code = {OperationRecord.CancelledCode},
                error_message = {OperationWorker.CancelledMessage}, end_time = {now}, update_time = {now}, lease_owner = NULL, locked_until = NULL
            WHERE tenant_id = {tenantId} AND id = {id} AND state IN (1, 2) AND cancel_requested = 1 AND (locked_until IS NULL OR locked_until < {now})
            """, ct);
        return await FindAsync(tenantId, id, ct);
    }

    public async Task<bool> DeleteFinishedAsync(string tenantId, string id, CancellationToken ct) =>
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM operations WHERE tenant_id = {tenantId} AND id = {id} AND state >= 3", ct) == 1;

    public void Wake() => worker.Wake();

    private async Task<OperationRecord?> OneAsync(string sql, object[] args, CancellationToken ct) =>
        (await db.Database.SqlQueryRaw<Row>(sql, args).ToListAsync(ct)).Select(r => r.ToRecord()).FirstOrDefault();

    internal sealed record Row(string TenantId, string Id, string Kind, string Target, string? RequestId, int State, int CancelRequested,
        long Processed, long Total, long Documents, string? Cursor, DateTime CreateTime, DateTime UpdateTime, DateTime? StartTime, DateTime? EndTime,
        int? ErrorCode, string? ErrorMessage)
    {
        public OperationRecord ToRecord() => new(TenantId, Id, Kind, Target, RequestId, (OperationState)State, CancelRequested != 0, Processed, Total,
            Documents, Cursor, Utc(CreateTime), Utc(UpdateTime), StartTime is { } s ? Utc(s) : null, EndTime is { } e ? Utc(e) : null, ErrorCode, ErrorMessage);

        private static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);
    }
}
