using System.Globalization;
using System.Text.RegularExpressions;

namespace Platform.Bench.EavBench;

/// <summary>
/// Time spent inside PostgreSQL, from its own log: connections opened with
/// <see cref="SessionOptions"/> log the duration of every statement (with the extended protocol:
/// parse, bind — where a custom plan is made — and execute separately), tagged with their
/// application name (eav.sh sets <c>log_line_prefix</c> to carry it). Only those sessions log,
/// so the measured rows are not slowed by logging.
/// </summary>
internal sealed partial class SqlLog(string path)
{
    public const string ApplicationName = "eavbench-sql";
    public const string SessionOptions = "-c log_min_duration_statement=0";

    public long Mark() => new FileInfo(path).Length;

    /// <summary>The summed durations of this bench's logged statements written since <paramref name="offset"/>.</summary>
    public double MillisecondsSince(long offset)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(offset, SeekOrigin.Begin);
        using var reader = new StreamReader(stream);
        var total = 0.0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (Duration().Match(line) is { Success: true } m)
            {
                total += double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }

        return total;
    }

    [GeneratedRegex(@"\] " + ApplicationName + @" LOG:  duration: ([0-9.]+) ms")]
    private static partial Regex Duration();
}

/// <summary>
/// Runs another target and records, per call, the time PostgreSQL spent on all the statements the
/// call sent (the server writes the log line before it answers, so it is there when the call returns).
/// </summary>
internal sealed class LoggedTarget(ITarget inner, SqlLog log) : ITarget
{
    public List<double> Milliseconds { get; } = [];

    public async ValueTask<IReadOnlyList<string>> RunAsync(Operation op, Variant v, CancellationToken ct)
    {
        var mark = log.Mark();
        var ids = await inner.RunAsync(op, v, ct);
        var sql = log.MillisecondsSince(mark);
        if (sql <= 0)
        {
            throw new InvalidOperationException($"{op}: no statement of this call in the PostgreSQL log (is log_line_prefix '%m [%p] %a '?)");
        }

        Milliseconds.Add(sql);
        return ids;
    }

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
