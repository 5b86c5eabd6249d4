using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Application.Abstractions;
using Platform.Domain.Access;
using Platform.Domain.Tenancy;
using Platform.Infrastructure.Security;

namespace Platform.Infrastructure.Persistence;

/// <summary>
/// Commits the scope's changes and reports unique and concurrency violations as values, naming
/// the violated constraint the same way on both providers.
/// </summary>
internal sealed class EfUnitOfWork(PlatformDbContext db, TenantDirectory tenants, ApiKeyAuthenticator apiKeys, RoleResolver roles,
    Application.Abstractions.Quota.ITenantLimits limits) : IUnitOfWork
{
    public async Task<T> InTransactionAsync<T>(Func<CancellationToken, Task<T>> work, Func<T, bool> commit, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return await work(ct); // Nested: the outermost caller commits.
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await work(ct);
        if (commit(result))
        {
            await transaction.CommitAsync(ct);
        }
        else
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
        }

        return result;
    }

    public async Task<SaveOutcome> SaveChangesAsync(CancellationToken ct)
    {
        // Hot-path caches on this host drop what this commit changes (other hosts expire theirs).
        var changed = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity).ToList();
        try
        {
            await db.SaveChangesAsync(ct);
            Invalidate(changed);
            return SaveOutcome.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new SaveOutcome(SaveStatus.ConcurrencyConflict);
        }
        catch (DbUpdateException e) when (UniqueConstraintOf(e) is { } constraint)
        {
            // The failed entities must not linger: a handler may re-read after a race.
            db.ChangeTracker.Clear();
            return new SaveOutcome(SaveStatus.UniqueViolation, constraint);
        }
    }

    private void Invalidate(List<object> changed)
    {
        foreach (var entity in changed)
        {
            switch (entity)
            {
                case Tenant t:
                    tenants.Invalidate(t);
                    limits.Invalidate(t.Id.Value);
                    break;
                case Domain.Quota.Plan:
                    limits.InvalidateAll();
                    break;
                case Domain.Quota.QuotaOverride o:
                    limits.Invalidate(o.TenantId);
                    break;
                case ApiKey k:
                    apiKeys.Invalidate(k.KeyPrefix);
                    break;
                case Role r:
                    roles.Invalidate(r.TenantId);
                    break;
            }
        }
    }

    private string? UniqueConstraintOf(DbUpdateException e) => e.InnerException switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg => pg.ConstraintName,
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } sqlite => SqliteConstraintName(sqlite.Message),
        _ => null,
    };

    /// <summary>
    /// SQLite names the columns, not the index ("UNIQUE constraint failed: tenants.subdomain"), so
    /// the index is found in the EF model by table and columns.
    /// </summary>
    private string? SqliteConstraintName(string message)
    {
        const string marker = "constraint failed: ";
        var at = message.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        // Microsoft.Data.Sqlite quotes the native message: "SQLite Error 19: 'UNIQUE constraint failed: t.a, t.b'."
        var columns = message[(at + marker.Length)..].TrimEnd('.', '\'', ' ').Split(',', StringSplitOptions.TrimEntries)
            .Select(c => c.Split('.')).Where(p => p.Length == 2).ToList();
        if (columns.Count == 0)
        {
            return null;
        }

        var table = columns[0][0].Trim('\'');
        var names = columns.Select(c => c[1].Trim('\'')).ToList();
        foreach (var entity in db.Model.GetEntityTypes().Where(t => t.GetTableName() == table))
        {
            var store = Microsoft.EntityFrameworkCore.Metadata.StoreObjectIdentifier.Table(table, entity.GetSchema());
            if (entity.FindPrimaryKey() is { } pk && pk.Properties.Select(p => p.GetColumnName(store)).SequenceEqual(names))
            {
                return pk.GetName();
            }

            var index = entity.GetIndexes().FirstOrDefault(i => i.IsUnique && i.Properties.Select(p => p.GetColumnName(store)).SequenceEqual(names));
            if (index is not null)
            {
                return index.GetDatabaseName();
            }
        }

        return null;
    }
}
