using Grpc.Core;
using Platform.Application.Abstractions.Quota;
using Platform.Application.Abstractions.RateLimiting;
using Platform.Application.Abstractions.Security;
using Platform.Domain.Quota;
using Platform.GrpcHost.Errors;
using Platform.GrpcHost.Security;

namespace Platform.GrpcHost.RateLimiting;

/// <summary>
/// Charges an authorized call against its tenant's rate limits (or the operators' budget) before
/// the handler runs. All of a call's windows are decided at once by the limiter; a refused call
/// consumed nothing. The answer always carries the RateLimit fields.
/// </summary>
public sealed class CallLimiter(IRateLimiter limiter, ITenantLimits limits, IQuotaEvents events, OperatorLimitOptions operatorLimits, TimeProvider clock)
{
    private const string OperatorKey = "operator";
    private readonly IReadOnlyList<RateLimitRule> _operatorRules = operatorLimits.Rules();

    /// <summary>Throws RESOURCE_EXHAUSTED (RATE_LIMITED) when a limit is used up.</summary>
    public async ValueTask EnforceAsync(Principal principal, string? tenantId, MethodPolicy policy, ServerCallContext context)
    {
        if (await RequestFor(principal, tenantId, policy.Cost, context.CancellationToken) is not { } request)
        {
            return;
        }

        // The tenant whose budget pays; operators acting on a tenant pay from their own.
        tenantId = principal.IsOperator ? null : tenantId;
        var decision = await limiter.AcquireAsync(request, context.CancellationToken);
        var now = clock.GetUtcNow();
        RateLimitHeaders.Write(context, decision, now);
        // Degraded decisions count this host's share only: their 80 % mark is not the tenant's.
        if (tenantId is not null && !decision.Degraded)
        {
            foreach (var state in decision.States.Where(s => s.Crossed80Percent))
            {
                events.NearLimit(tenantId, state.Rule.LimitId, state.Rule.Limit, state.WindowStart);
            }
        }

        if (decision.Allowed)
        {
            return;
        }

        var denied = decision.States.FirstOrDefault(s => s.Rule.LimitId == decision.DeniedLimitId);
        var rule = denied?.Rule ?? request.Rules[0];
        if (tenantId is not null)
        {
            events.Exhausted(tenantId, rule.LimitId, rule.Limit, denied?.WindowStart ?? now);
        }

        RateLimitHeaders.WriteRetryAfter(context, decision.RetryAfter);
        var subject = tenantId is null ? "platform" : $"tenants/{tenantId}";
        throw ErrorMapper.ToRpcException(QuotaErrors.RateLimited(subject, tenantId is null ? "operator_calls" : Metrics.ApiCalls,
            rule.LimitId, rule.Limit, decision.RetryAfter));
    }

    private async ValueTask<RateLimitRequest?> RequestFor(Principal principal, string? tenantId, int cost, CancellationToken ct)
    {
        if (principal.IsOperator)
        {
            return _operatorRules.Count == 0 ? null : new RateLimitRequest(OperatorKey, _operatorRules, cost, WindowCalendar.Utc);
        }

        if (tenantId is null || await limits.FindAsync(tenantId, ct) is not { RateRules.Count: > 0 } set)
        {
            return null;
        }

        return new RateLimitRequest(tenantId, set.RateRules, cost, set.Calendar);
    }
}
