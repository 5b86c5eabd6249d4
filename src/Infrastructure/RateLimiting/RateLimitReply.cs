using Platform.Application.Abstractions.RateLimiting;

namespace Platform.Infrastructure.RateLimiting;

/// <summary>
/// The decision as a flat array of integers, the reply of <c>RateLimit.lua</c> and the output of
/// <see cref="KeyBudget"/> alike, so both limiters report through the same code:
/// <c>[allowed 1/0, denied rule 1-based or 0, retry-after ms, now ms]</c> followed, per rule, by
/// <c>[remaining, reset-after ms, window start ms (epoch), crossed 80 % 1/0]</c>.
/// </summary>
internal static class RateLimitReply
{
    public const int HeaderLength = 4;
    public const int PerRule = 4;

    public static RateLimitDecision ToDecision(RateLimitRequest request, ReadOnlySpan<long> reply)
    {
        var rules = request.Rules;
        if (reply.Length != HeaderLength + (PerRule * rules.Count))
        {
            throw new InvalidOperationException($"Rate-limit reply has {reply.Length} values for {rules.Count} rules.");
        }

        var states = new RateLimitState[rules.Count];
        for (var i = 0; i < states.Length; i++)
        {
            var r = reply.Slice(HeaderLength + (PerRule * i), PerRule);
            states[i] = new RateLimitState(rules[i], r[0], TimeSpan.FromMilliseconds(r[1]), DateTimeOffset.FromUnixTimeMilliseconds(r[2]), r[3] == 1);
        }

        var denied = (int)reply[1];
        return denied == 0
            ? new RateLimitDecision(true, states, null, TimeSpan.Zero, false)
            : new RateLimitDecision(false, states, rules[denied - 1].LimitId, TimeSpan.FromMilliseconds(reply[2]), false);
    }
}
