using System.Globalization;
using System.Text;
using Grpc.Core;
using Platform.Application.Abstractions.RateLimiting;

namespace Platform.GrpcHost.RateLimiting;

/// <summary>
/// The <c>RateLimit-Policy</c> and <c>RateLimit</c> fields of draft-ietf-httpapi-ratelimit-headers
/// (structured lists: <c>"api_calls_per_hour";q=1000;w=3600</c> and
/// <c>"api_calls_per_hour";r=998;t=1800</c>), one item per limit. REST carries them as HTTP
/// headers; gRPC and gRPC-Web as trailing metadata, because gRPC headers may already be sent.
/// </summary>
internal static class RateLimitHeaders
{
    public const string Policy = "RateLimit-Policy";
    public const string State = "RateLimit";

    public static void Write(ServerCallContext context, RateLimitDecision decision, DateTimeOffset now)
    {
        if (decision.States.Count == 0)
        {
            return;
        }

        var (policy, state) = Format(decision, now);
        var http = context.GetHttpContext();
        if (IsGrpc(http))
        {
            context.ResponseTrailers.Add(Policy.ToLowerInvariant(), policy);
            context.ResponseTrailers.Add(State.ToLowerInvariant(), state);
        }
        else
        {
            http.Response.Headers[Policy] = policy;
            http.Response.Headers[State] = state;
        }
    }

    /// <summary>Retry-After (RFC 9110) in whole seconds, for REST answers of 429.</summary>
    public static void WriteRetryAfter(ServerCallContext context, TimeSpan retryAfter)
    {
        var http = context.GetHttpContext();
        if (!IsGrpc(http))
        {
            http.Response.Headers.RetryAfter = Seconds(retryAfter).ToString(CultureInfo.InvariantCulture);
        }
    }

    public static (string Policy, string State) Format(RateLimitDecision decision, DateTimeOffset now)
    {
        var policy = new StringBuilder();
        var state = new StringBuilder();
        foreach (var s in decision.States)
        {
            var separator = policy.Length == 0 ? "" : ", ";
            var quota = s.Rule.Window == RateWindow.Second ? s.Rule.EffectiveBurst : s.Rule.Limit;
            var window = s.Rule.Window switch
            {
                RateWindow.Second => 1,
                // Months (and days across a DST change) vary; the reset time and the window start say how long this one is.
                _ => Math.Max(1, (long)Math.Round((now + s.ResetAfter - s.WindowStart).TotalSeconds)),
            };
            policy.Append(CultureInfo.InvariantCulture, $"{separator}\"{s.Rule.LimitId}\";q={quota};w={window}");
            state.Append(CultureInfo.InvariantCulture, $"{separator}\"{s.Rule.LimitId}\";r={Math.Max(0, s.Remaining)};t={Seconds(s.ResetAfter)}");
        }

        return (policy.ToString(), state.ToString());
    }

    private static long Seconds(TimeSpan t) => Math.Max(0, (long)Math.Ceiling(t.TotalSeconds));

    private static bool IsGrpc(HttpContext http) =>
        http.Request.ContentType is { } type && type.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase);
}
