using Grpc.Core;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Abstractions.Security;
using Platform.GrpcHost.Errors;
using Platform.GrpcHost.Security;

namespace Platform.GrpcHost.Billing;

/// <summary>
/// Charges an authorized, rate-admitted tenant call to its prepaid wallet (price × the RPC's cost
/// units). Never charged: operators (they act for the platform), and the WalletService itself, so
/// a tenant whose balance ran out can still read its wallet, list its ledger and top up.
/// Health and reflection never reach this point.
/// </summary>
public sealed class PrepaidCalls(IPrepaidGate gate)
{
    private const string FreeService = "/platform.billing.v1.WalletService/";

    /// <summary>Throws FAILED_PRECONDITION (INSUFFICIENT_BALANCE) when the balance cannot cover the call.</summary>
    public async ValueTask EnforceAsync(Principal principal, string? tenantId, MethodPolicy policy, ServerCallContext context)
    {
        if (principal.IsOperator || tenantId is null || policy.Method.StartsWith(FreeService, StringComparison.Ordinal))
        {
            return;
        }

        if (await gate.AdmitAsync(tenantId, policy.Cost, context.CancellationToken) is { } refused)
        {
            throw ErrorMapper.ToRpcException(refused);
        }
    }
}
