using Mediator;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Common;
using Platform.Domain.Billing;
using Platform.Domain.Common;

namespace Platform.Application.Billing;

/// <summary>One event as the client sent it; checked by <see cref="UsageEventRules"/>.</summary>
public sealed record UsageEventInput(string Metric, string Quantity, DateTimeOffset? EventTime, string IdempotencyKey,
    IReadOnlyDictionary<string, string> Properties);

public sealed record RecordUsageResult(int Accepted, int Duplicates);

public sealed record RecordUsageEventsCommand(string Parent, IReadOnlyList<UsageEventInput> Events) : ICommand<Result<RecordUsageResult>>, IValidatable
{
    public Error? Validate()
    {
        var v = new Validation().Merge(UsageNames.Parent(Parent).Error);
        v.Check(Events.Count is >= 1 and <= UsageEventRules.MaxBatch, "events", $"must hold 1 to {UsageEventRules.MaxBatch} events");
        return v.ToError();
    }
}

/// <summary>
/// All or nothing: every event is checked (shape, then time against the tenant's calendar), keys
/// repeated inside the batch are folded, and the rest are claimed and written in one transaction
/// by <see cref="IUsageRecorder"/>. A batch with one bad event writes nothing, so a client can
/// fix it and resend the whole batch with the same keys. Besides the grace rule, an event is refused
/// when its time falls in a period closed by a finalized or paid invoice: that invoice can no longer
/// change, so the event could never be billed (a voided invoice's period stays open to corrections).
/// </summary>
internal sealed class RecordUsageEventsHandler(TenantCalendars calendars, IUsageRecorder recorder, UsageWindow window, IInvoiceStore invoices,
    TimeProvider clock)
    : ICommandHandler<RecordUsageEventsCommand, Result<RecordUsageResult>>
{
    public async ValueTask<Result<RecordUsageResult>> Handle(RecordUsageEventsCommand command, CancellationToken ct)
    {
        var tenantId = UsageNames.Parent(command.Parent).Value;
        if (await calendars.FindAsync(tenantId, ct) is not { } found)
        {
            return Error.NotFound(command.Parent);
        }

        var now = clock.GetUtcNow();
        var v = new Validation();
        var events = new List<UsageEvent>(command.Events.Count);
        var positions = new List<int>(command.Events.Count);
        var firstByKey = new Dictionary<string, (int Index, string Hash)>(StringComparer.Ordinal);
        var duplicates = 0;
        int? closed = null;
        var invoiced = await InvoicedPeriodsAsync(tenantId, ct);
        int? frozen = null;
        for (var i = 0; i < command.Events.Count; i++)
        {
            var input = command.Events[i];
            var field = $"events[{i}]";
            if (UsageEventRules.Check(v, field, input.Metric, input.Quantity, input.EventTime, input.IdempotencyKey, input.Properties) is not { } e)
            {
                continue;
            }

            switch (window.Check(e.EventTime, now, found.Calendar))
            {
                case UsageTiming.InFuture:
                    v.Add($"{field}.event_time", $"is more than {window.FutureSkew.TotalMinutes:0} minutes in the future");
                    continue;
                case UsageTiming.PeriodClosed:
                    closed ??= i;
                    continue;
            }

            if (invoiced.Any(p => p.Contains(e.EventTime)))
            {
                frozen ??= i;
                continue;
            }

            var hash = e.PayloadHash;
            if (firstByKey.TryGetValue(e.IdempotencyKey, out var first))
            {
                if (first.Hash != hash)
                {
                    v.Add($"{field}.idempotency_key", $"repeats events[{first.Index}].idempotency_key with a different payload");
                }
                else
                {
                    duplicates++;
                }

                continue;
            }

            firstByKey[e.IdempotencyKey] = (i, hash);
            events.Add(e);
            positions.Add(i);
        }

        if (v.ToError() is { } invalid)
        {
            return invalid;
        }

        if (closed is { } late)
        {
            return UsageErrors.PeriodClosed(tenantId, late, window.Grace);
        }

        if (frozen is { } billed)
        {
            return UsageErrors.PeriodInvoiced(tenantId, billed);
        }

        var outcome = await recorder.RecordAsync(tenantId, events, now, ct);
        if (outcome.ConflictIndex is { } conflict)
        {
            return UsageErrors.KeyReused(command.Events[positions[conflict]].IdempotencyKey, positions[conflict]);
        }

        return new RecordUsageResult(outcome.Accepted, outcome.Duplicates + duplicates);
    }

    /// <summary>
    /// The periods of the tenant's latest finalized or paid invoices. Older ones need not be read:
    /// their periods ended long before the grace window, which refuses such events already.
    /// </summary>
    private async Task<List<BillingPeriod>> InvoicedPeriodsAsync(string tenantId, CancellationToken ct) =>
        [.. (await invoices.ListAsync(tenantId, null, 12, ct))
            .Where(i => i.State is InvoiceState.Finalized or InvoiceState.Paid && i.Closes is not null)
            .Select(i => i.Closes!)];
}
