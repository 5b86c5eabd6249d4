using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Platform.Infrastructure.Eav.Dialects;
using Platform.Infrastructure.Persistence;

namespace Platform.Infrastructure.Eav.Sql;

internal static class EavCommands
{
    /// <summary>A command on the context's connection, enlisted in its current transaction if any, so it commits with the unit of work.</summary>
    public static async Task<DbCommand> CreateAsync(PlatformDbContext db, EavSql sql, EavDialect dialect, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }

        var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        sql.ApplyTo(command, dialect);
        return command;
    }
}
