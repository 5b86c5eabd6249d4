using Platform.Domain.Billing;

namespace Platform.Application.Abstractions.Billing;

/// <summary>
/// The platform's way to spend a tenant's credit (per-call charges, invoices): there is no public
/// create RPC for consumption. Draws from grants in priority order, then by earliest expiry, then
/// from the top-up credit; one entry per source drawn from.
/// </summary>
/// <remarks>
/// Never overdraws: what the balance cannot cover is not recorded but returned as
/// <see cref="ConsumptionResult.Shortfall"/>, for the caller to invoice or write off. Idempotent by
/// <c>idempotencyKey</c>: a repeated key records nothing and returns the first result.
/// </remarks>
public interface IWalletConsumption
{
    Task<Domain.Common.Result<ConsumptionResult>> ConsumeAsync(string tenantId, Money amount, string idempotencyKey, string description, CancellationToken ct);
}

/// <param name="Consumed">What was recorded (at most the balance).</param>
/// <param name="Shortfall">What the balance could not cover.</param>
/// <param name="Balance">The balance after the consumption.</param>
/// <param name="Replayed">The key had been used: nothing new was recorded.</param>
public sealed record ConsumptionResult(Money Consumed, Money Shortfall, Money Balance, bool Replayed);
