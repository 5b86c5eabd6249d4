using Platform.Application.Abstractions.Billing;

namespace Platform.Infrastructure.Billing;

/// <summary>
/// The default payment provider: records a payment made outside the platform (bank transfer,
/// cheque) under the operator's reference, or the attempt's idempotency key when none is given.
/// No network is involved; a card processor adapter replaces this through DI.
/// </summary>
internal sealed class OfflinePaymentProvider : IPaymentProvider
{
    public string Name => "offline";

    public Task<PaymentOutcome> CollectAsync(PaymentRequest request, CancellationToken ct) =>
        Task.FromResult(new PaymentOutcome(true, string.IsNullOrWhiteSpace(request.Reference) ? "offline-" + request.IdempotencyKey : request.Reference));
}
