using Platform.Domain.Common;

namespace Platform.Application.Abstractions.Billing;

/// <summary>
/// Admits or refuses a tenant's API call against its prepaid balance without a query per call:
/// the decision is taken on this host's cached balance minus the calls admitted since it was read.
/// Admitted calls are recorded as consumption in batches, off the request path.
/// </summary>
public interface IPrepaidGate
{
    /// <summary>Null to admit (and charge) the call; INSUFFICIENT_BALANCE to refuse it. Postpaid tenants are always admitted.</summary>
    ValueTask<Error?> AdmitAsync(string tenantId, int costUnits, CancellationToken ct);
}
