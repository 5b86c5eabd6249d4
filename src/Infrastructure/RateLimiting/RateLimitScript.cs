using System.Security.Cryptography;
using System.Text;
using Platform.Application.Abstractions.RateLimiting;
using StackExchange.Redis;

namespace Platform.Infrastructure.RateLimiting;

/// <summary>
/// <c>RateLimit.lua</c> (embedded resource), its SHA-1 for EVALSHA, and the KEYS/ARGV of one call.
/// </summary>
internal static class RateLimitScript
{
    private static readonly RedisValue SecondKind = "s";
    private static readonly RedisValue HourKind = "h";
    private static readonly RedisValue DayKind = "d";
    private static readonly RedisValue MonthKind = "m";

    public static string Source { get; } = Load();

    /// <summary>The script's id on every Redis server: SHA-1 is what EVALSHA names scripts by, not a security choice.</summary>
#pragma warning disable CA5350 // Redis protocol requirement, see above.
    public static byte[] Hash { get; } = SHA1.HashData(Encoding.UTF8.GetBytes(Source));
#pragma warning restore CA5350

    public static (RedisKey[] Keys, RedisValue[] Args) Arguments(RateLimitRequest request, DateTimeOffset hostNow, MonthWindowCache months, string keyPrefix = "")
    {
        var rules = request.Rules;
        var argCount = 2;
        foreach (var rule in rules)
        {
            argCount += rule.Window switch { RateWindow.Second => 3, RateWindow.Month => 5, _ => 2 };
        }

        var keys = new RedisKey[rules.Count];
        var args = new RedisValue[argCount];
        args[0] = request.Cost;
        args[1] = CalendarWindows.OffsetSeconds(request.Calendar, hostNow);
        var p = 2;
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var kind = Kind(rule.Window);
            // The braces are the cluster hash tag: every key of one request key lands in one slot.
            keys[i] = string.Concat("rl:{", keyPrefix, request.Key, "}:", rule.LimitId, ":", (string?)kind);
            args[p++] = kind;
            args[p++] = rule.Limit;
            if (rule.Window == RateWindow.Second)
            {
                args[p++] = rule.EffectiveBurst;
            }
            else if (rule.Window == RateWindow.Month)
            {
                var month = months.Get(request.Calendar, hostNow);
                args[p++] = month.Current;
                args[p++] = month.Next;
                args[p++] = month.AfterNext;
            }
        }

        return (keys, args);
    }

    private static RedisValue Kind(RateWindow window) => window switch
    {
        RateWindow.Second => SecondKind,
        RateWindow.Hour => HourKind,
        RateWindow.Day => DayKind,
        RateWindow.Month => MonthKind,
        _ => throw new ArgumentOutOfRangeException(nameof(window), window, "Unknown rate window."),
    };

    private static string Load()
    {
        using var stream = typeof(RateLimitScript).Assembly.GetManifestResourceStream("Platform.Infrastructure.RateLimiting.RateLimit.lua")
            ?? throw new InvalidOperationException("RateLimit.lua is not embedded in the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
