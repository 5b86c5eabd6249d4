using System.Security.Cryptography;
using System.Text;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Billing;
using Platform.Domain.Billing;
using Platform.Domain.Common;
using Platform.Domain.Quota;
using Platform.Domain.Tenancy;

namespace Platform.Application.Billing;

/// <summary>
/// Issues a subscription's invoices at its period boundaries through the domain's
/// <see cref="InvoiceCalculator"/>, and keeps the tenant's quota plan in step with the plan billed.
/// </summary>
/// <remarks>
/// An invoice is issued at each boundary: it closes the period that ends there and opens the next.
/// Everything it is computed from is stored (price versions never change, plan changes are kept,
/// the plan at the period's start and the credit before it are on the invoice row, usage is in the
/// usage store), so a draft recomputed from the same inputs is identical. The invoice row's unique
/// (tenant, subscription, boundary) key makes a boundary issued once even when two hosts race.
/// </remarks>
internal sealed class BillingEngine(IBillingCatalog catalog, ISubscriptionStore subscriptions, IInvoiceStore invoices, IUsageTotals usage,
    ITenantRepository tenants, IUnitOfWork unitOfWork, TimeProvider clock, IWalletStore wallets)
{
    private readonly Dictionary<(string, int), PlanPrice> _prices = [];
    private Dictionary<string, BillableMetricDefinition>? _metrics;

    public static BillingCalendar Calendar(SubscriptionRecord s) => BillingCalendar.Create(s.TimeZone, s.Interval, s.AnchorDay, s.AnchorMonth).Value;

    public async Task<PlanPrice> PriceAsync(string planId, int version, CancellationToken ct)
    {
        if (!_prices.TryGetValue((planId, version), out var price))
        {
            price = (await catalog.FindPriceAsync(planId, version, ct))?.Price
                ?? throw new InvalidOperationException($"Price version {planId}/{version} is missing; versions are never deleted.");
            _prices[(planId, version)] = price;
        }

        return price;
    }

    /// <summary>Issues every invoice due at or before <paramref name="asOf"/>; returns the subscription after them and how many were created.</summary>
    public async Task<(SubscriptionRecord Subscription, int Created)> IssueDueAsync(SubscriptionRecord subscription, DateTimeOffset asOf, CancellationToken ct)
    {
        var created = 0;
        var current = subscription;
        while (current.NextBoundary is { } boundary && boundary <= asOf)
        {
            var (next, invoice) = await ComputeAsync(current, boundary, ct);
            var previous = current;

            // The invoice, the subscription's advance and the quota plan switch commit together or not at all.
            var (added, advanced) = await unitOfWork.InTransactionAsync(async c =>
            {
                var inserted = await invoices.AddAsync(invoice, c);
                if (!await subscriptions.UpdateAsync(next, previous.Revision, c))
                {
                    return (inserted, false);
                }

                if (next.Status == SubscriptionStatus.Canceled || next.PeriodPlanId != previous.PeriodPlanId)
                {
                    await SwitchQuotaPlanAsync(previous.TenantId, next.Status == SubscriptionStatus.Canceled ? PlanRules.DefaultPlanId : next.PeriodPlanId, c);
                }

                return (inserted, true);
            }, r => r.Item2, ct);

            if (!advanced)
            {
                // Another host issued this boundary and advanced the subscription; continue from its state.
                current = await subscriptions.FindLatestAsync(current.TenantId, ct) ?? throw new InvalidOperationException("Subscription vanished.");
                continue;
            }

            created += added ? 1 : 0;
            current = next;
        }

        return (current, created);
    }

    /// <summary>Recomputes a draft from the inputs it was issued with.</summary>
    public async Task<InvoiceRecord> RecomputeAsync(SubscriptionRecord subscription, InvoiceRecord draft, CancellationToken ct)
    {
        var plan = await PriceAsync(draft.PlanId, draft.PriceVersion, ct);
        // Periods come back from the calendar, with the tenant's offsets, exactly as first computed.
        var calendar = Calendar(subscription);
        var closes = draft.Closes is { } c ? calendar.PeriodContaining(c.Start) : null;
        var opens = draft.Opens is { } o ? calendar.PeriodContaining(o.Start) : null;
        var input = await InputAsync(subscription, plan, closes, opens, draft.CreditBefore, ct);
        var invoice = InvoiceCalculator.Calculate(input.Input).Value;
        return draft with { Invoice = invoice };
    }

    public async Task SwitchQuotaPlanAsync(string tenantId, string planId, CancellationToken ct)
    {
        var tenant = await tenants.FindAsync(TenantId.FromTrusted(tenantId), ct);
        if (tenant is null || tenant.PlanId == planId || tenant.State == TenantState.Deleted)
        {
            return;
        }

        tenant.Update(new TenantSettings(Plan: Plan.NameOf(planId)), BillingTime.Now(clock).UtcDateTime);
        await unitOfWork.SaveChangesAsync(ct);
    }

    /// <summary>The plan in force at <paramref name="at"/> and any change scheduled for the end of the open period.</summary>
    public static (string PlanId, int Version, SubscriptionChangeRecord? Scheduled) InForce(SubscriptionRecord s, IReadOnlyList<SubscriptionChangeRecord> changes)
    {
        var (plan, version) = (s.PeriodPlanId, s.PeriodPriceVersion);
        SubscriptionChangeRecord? scheduled = null;
        foreach (var c in changes.Where(c => s.OpenedBoundary is { } opened && c.At >= opened).OrderBy(c => c.Sequence))
        {
            if (c.Timing == ChangeTiming.AtPeriodEnd)
            {
                scheduled = c;
                continue;
            }

            (plan, version, scheduled) = (c.PlanId, c.PriceVersion, null);
        }

        return (plan, version, scheduled);
    }

    /// <summary>Deterministic per (invoice, attempt): a retried attempt reaches the provider with the same key.</summary>
    public static string PaymentKey(string invoiceName, int attempt) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{invoiceName}#{attempt}")))[..32];

    private async Task<(SubscriptionRecord Next, InvoiceRecord Invoice)> ComputeAsync(SubscriptionRecord s, DateTimeOffset boundary, CancellationToken ct)
    {
        var calendar = Calendar(s);
        var plan = await PriceAsync(s.PeriodPlanId, s.PeriodPriceVersion, ct);
        BillingPeriod? closes = s.OpenedBoundary is { } opened ? calendar.PeriodContaining(opened) : null;
        var endsHere = s.EndTime is { } end && end <= (closes?.End ?? boundary);
        var opens = endsHere ? null : closes is null ? calendar.PeriodContaining(boundary) : calendar.Next(closes);
        var (input, timeline) = await InputAsync(s, plan, closes, opens, s.CreditBalance, ct);
        var invoice = InvoiceCalculator.Calculate(input).Value;
        var next = timeline?.Next ?? plan;
        var record = new InvoiceRecord
        {
            TenantId = s.TenantId,
            InvoiceId = InvoiceId(s, boundary),
            SubscriptionId = s.SubscriptionId,
            Boundary = boundary,
            State = InvoiceState.Draft,
            Closes = closes,
            Opens = opens,
            PlanId = plan.PlanId,
            PriceVersion = plan.Version,
            Invoice = invoice,
            CreditBefore = s.CreditBalance,
            Etag = NewEtag(),
            CreateTime = BillingTime.Now(clock).UtcDateTime,
        };
        var after = s with
        {
            PeriodPlanId = next.PlanId,
            PeriodPriceVersion = next.Version,
            OpenedBoundary = opens?.Start,
            NextBoundary = opens is null ? null : s.EndTime is { } e && e < opens.End ? e : opens.End,
            Status = opens is null ? SubscriptionStatus.Canceled : s.Status,
            CreditBalance = invoice.CreditBalanceAfter.Amount,
            Revision = s.Revision + 1,
        };
        return (after, record);
    }

    private async Task<(InvoiceInput Input, PlanTimeline? Timeline)> InputAsync(SubscriptionRecord s, PlanPrice plan, BillingPeriod? closes,
        BillingPeriod? opens, decimal creditBefore, CancellationToken ct)
    {
        var first = closes ?? opens!;
        var changes = new List<PlanChange>();
        var metered = new List<MetricUsage>();
        PlanTimeline? timeline = null;
        if (closes is not null)
        {
            foreach (var c in (await subscriptions.ChangesAsync(s.TenantId, s.SubscriptionId, ct)).Where(c => closes.Contains(c.At) && c.At >= s.BillingStart))
            {
                changes.Add(new PlanChange(c.At, await PriceAsync(c.PlanId, c.PriceVersion, ct), c.Timing));
            }

            var from = s.BillingStart > closes.Start ? s.BillingStart : closes.Start;
            timeline = PlanTimeline.Build(plan, closes, from, changes);
            metered.AddRange(await UsageAsync(s, timeline, closes, from, ct));
        }

        var input = new InvoiceInput
        {
            Plan = plan,
            Closes = closes,
            Opens = opens,
            SubscriptionStart = s.BillingStart > first.Start ? s.BillingStart : null,
            Changes = changes,
            Usage = metered,
            Commitment = s.CommitmentTerm is { } term ? new Commitment(term, s.CommitmentStart!.Value, s.CommitmentEnd!.Value) : null,
            CreditBalance = creditBefore > 0m ? new Money(creditBefore, plan.Currency) : null,
        };
        return (input, timeline);
    }

    private async Task<IReadOnlyList<MetricUsage>> UsageAsync(SubscriptionRecord s, PlanTimeline timeline, BillingPeriod closes, DateTimeOffset from,
        CancellationToken ct)
    {
        _metrics ??= (await catalog.ListMetricsAsync(null, 10_000, ct)).ToDictionary(m => m.Id, StringComparer.Ordinal);
        var to = s.EndTime is { } end && end < closes.End ? end : closes.End;
        var result = new List<MetricUsage>();
        var metered = new List<MeteredMetric>();

        // A prepaid tenant paid every call from its wallet as it was made (the prepaid gate), so its calls are not
        // billed again here: the api_calls line shows nothing to pay. The mode at invoice time decides for the period.
        var prepaid = (await wallets.ReadAccountAsync(s.TenantId, ct)).Mode == Domain.Billing.Wallets.BillingMode.Prepaid;
        foreach (var price in timeline.AtEnd.Metrics)
        {
            if (prepaid && price.Metric == BillableMetrics.ApiCalls)
            {
                continue;
            }

            if (price.Metric == BillableMetrics.StorageGbMonths)
            {
                // Storage counts only while billed: not before the subscription (or its trial) ends, not after it ends.
                var (atStart, samples) = await usage.StorageAsync(s.TenantId, closes.Start, closes.End, ct);
                var initial = atStart;
                var kept = new List<StorageSample>();
                if (from > closes.Start)
                {
                    initial = 0;
                    kept.Add(new StorageSample(from, samples.LastOrDefault(x => x.At <= from)?.Bytes ?? atStart));
                }

                kept.AddRange(samples.Where(x => x.At > from && x.At < to));
                if (to < closes.End)
                {
                    kept.Add(new StorageSample(to, 0));
                }

                result.Add(new MetricUsage(price.Metric, StorageUsage.GbMonths(closes, s.Interval, initial, kept)));
            }
            else if (_metrics.TryGetValue(price.Metric, out var definition))
            {
                metered.Add(new MeteredMetric(definition.Id, definition.Aggregation, definition.UniqueProperty));
            }
        }

        if (metered.Count > 0)
        {
            result.AddRange(await usage.TotalsAsync(s.TenantId, from, to, metered, ct));
        }

        return result;
    }

    private static string InvoiceId(SubscriptionRecord s, DateTimeOffset boundary) =>
        "inv-" + boundary.UtcDateTime.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + "-" +
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(s.SubscriptionId)))[..6];

    public static string NewEtag() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
