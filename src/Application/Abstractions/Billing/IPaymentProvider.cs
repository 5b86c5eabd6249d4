using Platform.Domain.Billing;

namespace Platform.Application.Abstractions.Billing;

/// <summary>One attempt to collect an invoice. <paramref name="IdempotencyKey"/> is the same for every retry of the attempt.</summary>
public sealed record PaymentRequest(string InvoiceName, Money Amount, int Attempt, string IdempotencyKey, string? Reference);

public sealed record PaymentOutcome(bool Succeeded, string Reference);

/// <summary>
/// Where payments go. The default records offline payments (bank transfer, cheque) and always
/// succeeds; a card processor adapter implements the same port and passes the idempotency key on.
/// </summary>
public interface IPaymentProvider
{
    string Name { get; }

    Task<PaymentOutcome> CollectAsync(PaymentRequest request, CancellationToken ct);
}
