namespace Platform.Application.Abstractions.Outbox;

/// <summary>
/// The transactional outbox: a message written here commits or rolls back with the change that
/// caused it (it joins the unit of work's transaction), and is then delivered at least once, in
/// the background, to the <see cref="IOutboxSubscriber"/>s of its topic. Search indexing, webhooks
/// and usage metering all leave the hot path this way.
/// </summary>
public interface IOutbox
{
    /// <summary>Writes the messages in the current transaction (or on their own when there is none).</summary>
    Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken ct);

    /// <summary>Tells the worker there is work (after a commit); without it the worker finds it at its next poll.</summary>
    void Wake();

    /// <summary>
    /// Waits until every message of <paramref name="topic"/> for the tenant that was pending when
    /// called has been delivered (or parked); false when that takes longer than <paramref name="timeout"/>.
    /// </summary>
    Task<bool> WaitForDeliveryAsync(string tenantId, string topic, TimeSpan timeout, CancellationToken ct);
}

/// <param name="TenantId">The tenant the message belongs to; its handler runs in that tenant's context. Null for platform-level work.</param>
/// <param name="Topic">Which handlers receive it, e.g. <c>entity.changed</c>.</param>
/// <param name="Payload">Small JSON the handler understands; handlers re-read current state rather than trust old payloads.</param>
public sealed record OutboxMessage(string? TenantId, string Topic, string Payload);

/// <summary>A message as delivered: with its id and how many times delivery was tried before.</summary>
public sealed record OutboxDelivery(long Id, string? TenantId, string Topic, string Payload, int Attempt, DateTime CreateTime);

/// <summary>
/// Receives one topic. Runs in its own DI scope whose request context is the message's tenant,
/// with a system principal, so tenant-scoped repositories work as in a call. Must be idempotent:
/// delivery is at least once. Throwing retries with backoff; after the worker's attempt limit the
/// message is parked with its error for an operator to inspect.
/// </summary>
public interface IOutboxSubscriber
{
    string Topic { get; }

    Task HandleAsync(OutboxDelivery message, CancellationToken ct);
}
