using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Platform.Application.Abstractions.Billing;
using Platform.Domain.Billing.Wallets;
using Platform.Domain.Common;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Billing;

/// <summary>
/// The wallet row and its ledger in SQL on the scope's connection. A write first bumps the wallet
/// row's version: on PostgreSQL that row lock is held to commit, on SQLite the transaction is
/// BEGIN IMMEDIATE (Microsoft.Data.Sqlite's default) and the update takes the write lock. Either
/// way the next writer of the tenant reads the ledger only after this one committed, so each
/// decision sees every earlier entry. The ledger itself is insert-only.
/// </summary>
internal sealed class WalletStore(PlatformDbContext db, PrepaidGate gate, TimeProvider clock) : IWalletStore
{
    private bool Postgres => db is PostgresPlatformDbContext;

    public async Task<WalletState> ReadAsync(string tenantId, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await ReadStateAsync(tenantId, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<WalletAccount> ReadAccountAsync(string tenantId, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Command("SELECT currency, billing_mode, version, update_time FROM wallets WHERE tenant_id = @t");
            WalletRows.Add(command, "@t", tenantId);
            await using var r = await command.ExecuteReaderAsync(ct);
            return await r.ReadAsync(ct) ? WalletRows.Account(r, tenantId, 0) : WalletAccount.Default(tenantId);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<Result<WalletWriteResult>> WriteAsync(string tenantId, Func<WalletState, Result<WalletChange>> decide, CancellationToken ct)
    {
        var outer = db.Database.CurrentTransaction;
        var transaction = outer ?? await db.Database.BeginTransactionAsync(ct);
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await ExecuteAsync("""
                INSERT INTO wallets (tenant_id, currency, billing_mode, version, create_time, update_time)
                VALUES (@t, 'USD', 1, 0, @now, NULL) ON CONFLICT (tenant_id) DO NOTHING
                """, ct, ("@t", tenantId), ("@now", now));
            await ExecuteAsync("UPDATE wallets SET version = version + 1 WHERE tenant_id = @t", ct, ("@t", tenantId));

            var state = await ReadStateAsync(tenantId, ct);
            if (!decide(state).TryGetValue(out var change, out var error))
            {
                await RollbackAsync(outer, transaction, ct);
                return error;
            }

            if (change.Append.Count == 0 && change.Account == state.Account)
            {
                await RollbackAsync(outer, transaction, ct);
                return new WalletWriteResult(state, change.Replayed ?? [], change.Replayed is not null);
            }

            await ExecuteAsync("UPDATE wallets SET currency = @c, billing_mode = @m, update_time = @now WHERE tenant_id = @t", ct,
                ("@c", change.Account.Currency.Code), ("@m", (int)change.Account.Mode), ("@now", now), ("@t", tenantId));
            var appended = new List<WalletEntry>(change.Append.Count);
            foreach (var entry in change.Append)
            {
                appended.Add(entry with { Seq = await InsertAsync(tenantId, change.Account, entry, ct) });
            }

            if (outer is null)
            {
                await transaction.CommitAsync(ct);
            }

            var after = new WalletState(change.Account with { Version = state.Account.Version, UpdateTime = now },
                new WalletLedger(state.Ledger.Entries.Concat(appended)));
            if (outer is null)
            {
                // Inside a caller's transaction the write may still roll back: the gate's next refresh picks it up instead.
                gate.Observe(tenantId, after, appended.FirstOrDefault()?.RequestKey);
            }
            return new WalletWriteResult(after, appended, false);
        }
        finally
        {
            if (outer is null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    public async Task<IReadOnlyList<WalletEntry>> ListAsync(string tenantId, WalletEntryKind? kind, long? before, int limit, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = Command($"""
                SELECT {WalletRows.EntryColumns} FROM wallet_entries e
                WHERE e.tenant_id = @t {(kind is null ? "" : "AND e.kind = @k")} {(before is null ? "" : "AND e.seq < @b")}
                ORDER BY e.seq DESC LIMIT @n
                """);
            WalletRows.Add(command, "@t", tenantId);
            if (kind is not null)
            {
                WalletRows.Add(command, "@k", (int)kind);
            }

            if (before is not null)
            {
                WalletRows.Add(command, "@b", before);
            }

            WalletRows.Add(command, "@n", limit);
            var entries = new List<WalletEntry>();
            await using var r = await command.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                entries.Add(WalletRows.Entry(r, 0));
            }

            return entries;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // One statement, so the settings and the entries come from the same snapshot.
    private async Task<WalletState> ReadStateAsync(string tenantId, CancellationToken ct)
    {
        await using var command = Command($"""
            SELECT w.currency, w.billing_mode, w.version, w.update_time, {WalletRows.EntryColumns}
            FROM wallets w LEFT JOIN wallet_entries e ON e.tenant_id = w.tenant_id
            WHERE w.tenant_id = @t ORDER BY e.seq
            """);
        WalletRows.Add(command, "@t", tenantId);
        var account = WalletAccount.Default(tenantId);
        var entries = new List<WalletEntry>();
        await using var r = await command.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            account = WalletRows.Account(r, tenantId, 0);
            if (!r.IsDBNull(4))
            {
                entries.Add(WalletRows.Entry(r, 4));
            }
        }

        return new WalletState(account, new WalletLedger(entries));
    }

    private async Task<long> InsertAsync(string tenantId, WalletAccount account, WalletEntry e, CancellationToken ct)
    {
        await using var command = Command("""
            INSERT INTO wallet_entries (tenant_id, entry_id, kind, amount, currency, source_id, expire_time, priority, refunded_id,
                request_key, request_hash, part, description, actor, create_time)
            VALUES (@t, @id, @kind, @amount, @currency, @source, @expire, @priority, @refunded, @key, @hash, @part, @description, @actor, @now)
            RETURNING seq
            """);
        WalletRows.Add(command, "@t", tenantId);
        WalletRows.Add(command, "@id", e.Id);
        WalletRows.Add(command, "@kind", (int)e.Kind);
        WalletRows.Add(command, "@amount", WalletRows.Amount(e.Amount, Postgres));
        WalletRows.Add(command, "@currency", account.Currency.Code);
        WalletRows.Add(command, "@source", e.SourceId);
        WalletRows.Add(command, "@expire", e.ExpireTime);
        WalletRows.Add(command, "@priority", e.Priority);
        WalletRows.Add(command, "@refunded", e.RefundedId);
        WalletRows.Add(command, "@key", e.RequestKey);
        WalletRows.Add(command, "@hash", e.RequestHash);
        WalletRows.Add(command, "@part", e.Part);
        WalletRows.Add(command, "@description", e.Description);
        WalletRows.Add(command, "@actor", e.Actor);
        WalletRows.Add(command, "@now", e.CreateTime);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task ExecuteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql);
        foreach (var (name, value) in parameters)
        {
            WalletRows.Add(command, name, value);
        }

        await command.ExecuteNonQueryAsync(ct);
    }

    private DbCommand Command(string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    private static async Task RollbackAsync(IDbContextTransaction? outer, IDbContextTransaction transaction, CancellationToken ct)
    {
        if (outer is null)
        {
            await transaction.RollbackAsync(ct);
        }
    }
}
