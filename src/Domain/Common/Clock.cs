namespace Platform.Domain.Common;

public static class Clock
{
    /// <summary>PostgreSQL keeps microseconds; truncating in the domain makes every round trip exact.</summary>
    public static DateTime Truncate(DateTime t) => new(t.Ticks - (t.Ticks % 10), DateTimeKind.Utc);
}
