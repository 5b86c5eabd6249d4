using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Platform.Application.Abstractions.Security;
using Platform.Domain.Common;
using Platform.GrpcHost.Errors;
using Platform.GrpcHost.RateLimiting;
using Platform.GrpcHost.Security;

namespace Platform.GrpcHost.Interceptors;

/// <summary>
/// Deny by default: every call is authenticated, its tenant resolved and its permission (from
/// the proto method option) checked before any handler runs; the result fills the scoped
/// <see cref="RequestContext"/> that scopes every query. Only health and reflection are open.
/// The same interceptor records the audit event of the call (mutating or denied), so refusals
/// made here are audited without another async layer on every call, and charges the call to its
/// rate limits (<see cref="CallLimiter"/>) for the same reason, then to its prepaid wallet
/// (<see cref="Billing.PrepaidCalls"/>, an in-memory check).
/// </summary>
public sealed class AuthorizationInterceptor(MethodPolicies policies, CallAuthenticator authenticator, TenantResolver resolver, AuditRecorder audit,
    CallLimiter limiter, Billing.PrepaidCalls prepaid, Platform.Infrastructure.Billing.ApiCallMeter meter)
    : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var call = new CallAudit();
        try
        {
            await AuthorizeAsync(request as IMessage, context, call);
            var response = await continuation(request, context);
            audit.Record(call, context, StatusCode.OK);
            return response;
        }
        catch (Exception e) when (Outcome(e, context) is { } code)
        {
            audit.Record(call, context, code);
            throw;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var call = new CallAudit();
        try
        {
            await AuthorizeAsync(request as IMessage, context, call);
            await continuation(request, responseStream, context);
            audit.Record(call, context, StatusCode.OK);
        }
        catch (Exception e) when (Outcome(e, context) is { } code)
        {
            audit.Record(call, context, code);
            throw;
        }
    }

    // Streamed requests are not seen here: the tenant comes from the credential and host only,
    // and handlers check the names in each message against it.
    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var call = new CallAudit();
        try
        {
            await AuthorizeAsync(null, context, call);
            var response = await continuation(requestStream, context);
            audit.Record(call, context, StatusCode.OK);
            return response;
        }
        catch (Exception e) when (Outcome(e, context) is { } code)
        {
            audit.Record(call, context, code);
            throw;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var call = new CallAudit();
        try
        {
            await AuthorizeAsync(null, context, call);
            await continuation(requestStream, responseStream, context);
            audit.Record(call, context, StatusCode.OK);
        }
        catch (Exception e) when (Outcome(e, context) is { } code)
        {
            audit.Record(call, context, code);
            throw;
        }
    }

    /// <summary>The status a failed call ends with; null for a call the client cancelled (not audited).</summary>
    private static StatusCode? Outcome(Exception e, ServerCallContext context) => e switch
    {
        RpcException rpc => rpc.StatusCode,
        _ when UnexpectedErrors.IsUnexpected(e, context) => StatusCode.Internal,
        _ => null,
    };

    private async ValueTask AuthorizeAsync(IMessage? request, ServerCallContext context, CallAudit audit)
    {
        if (MethodPolicies.IsOpen(context.Method))
        {
            return;
        }

        audit.Audited = true;
        var policy = policies.Find(context.Method);
        if (policy is null)
        {
            throw Deny(audit, SecurityErrors.MethodNotAuthorized(context.Method));
        }

        audit.Mutating = policy.Mutating;
        audit.Resource = request is null ? "" : policy.ResourceName(request) ?? "";
        audit.RequestId = request is null ? "" : policy.RequestId(request) ?? "";

        var http = context.GetHttpContext();
        var authenticated = await authenticator.AuthenticateAsync(http, context.CancellationToken);
        if (!authenticated.TryGetValue(out var principal, out var unauthenticated))
        {
            throw Deny(audit, unauthenticated);
        }

        audit.Principal = principal.Id;
        audit.TenantId = principal.TenantId;
        var resolved = await resolver.ResolveAsync(principal, audit.Resource, http, context.CancellationToken);
        if (!resolved.TryGetValue(out var tenant, out var refused))
        {
            throw Deny(audit, refused);
        }

        if (!principal.IsOperator && (policy.OperatorOnly || !principal.Has(policy.Permission)))
        {
            throw Deny(audit, SecurityErrors.Denied(policy.Permission));
        }

        var call = http.RequestServices.GetRequiredService<RequestContext>();
        call.Principal = principal;
        call.TenantId = tenant;
        audit.TenantId = tenant;

        // Rate limits apply to authorized calls only: who pays is known only now. A refusal is
        // audited once per window as a quota event, not per refused call.
        audit.Audited = false;
        await limiter.EnforceAsync(principal, tenant, policy, context);
        audit.Audited = true;

        // Paid only once it passed the rate limits: a call refused there costs nothing.
        await prepaid.EnforceAsync(principal, tenant, policy, context);

        // Billing meters admitted tenant calls (operators' own calls are not a tenant's usage): an
        // in-memory increment here, flushed to the usage store through the outbox in the background.
        if (!principal.IsOperator && tenant is not null)
        {
            meter.Count(tenant);
        }
    }

    private static RpcException Deny(CallAudit audit, Error error)
    {
        audit.Reason = error.Reason;
        return ErrorMapper.ToRpcException(error);
    }
}
