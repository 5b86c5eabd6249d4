namespace Platform.Bench.EavBench;

/// <summary>Progress on stderr (the report goes to stdout).</summary>
internal static class Log
{
    public static void Info(FormattableString message) =>
        Console.Error.WriteLine($"[eavbench] {DateTime.Now:HH:mm:ss} {FormattableString.Invariant(message)}");
}
