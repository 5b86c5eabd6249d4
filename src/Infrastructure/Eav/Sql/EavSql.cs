using System.Data.Common;
using Platform.Infrastructure.Eav.Dialects;

namespace Platform.Infrastructure.Eav.Sql;

/// <summary>Generated SQL and its parameters, in order of first use.</summary>
public sealed record EavSql(string Text, IReadOnlyList<SqlArgument> Arguments)
{
    /// <summary>Sets the command's text and parameters for <paramref name="dialect"/>'s provider.</summary>
    public void ApplyTo(DbCommand command, EavDialect dialect)
    {
        command.CommandText = Text;
        command.Parameters.Clear();
        dialect.Bind(command, Arguments);
    }
}
