namespace Platform.Application.Abstractions.Outbox;

/// <summary>
/// A subscriber that can take several messages of one tenant and topic at once (e.g. the search
/// indexer rebuilding a hundred entities' documents in one pass instead of a hundred). The worker
/// hands it every claimed message of a (tenant, topic) in id order; if the batch throws, each
/// message is retried on its own through <see cref="IOutboxSubscriber.HandleAsync"/>, so one poison
/// message is parked alone.
/// </summary>
public interface IOutboxBatchSubscriber : IOutboxSubscriber
{
    Task HandleBatchAsync(IReadOnlyList<OutboxDelivery> messages, CancellationToken ct);
}
