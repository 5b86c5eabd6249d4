using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Platform.Application.Billing;
using Platform.Domain.Billing;
using Proto = Platform.Billing.V1;

namespace Platform.GrpcHost.Mapping;

/// <summary>Billing resources to and from the wire. Amounts and quantities travel as invariant decimal strings.</summary>
internal static class BillingMapper
{
    public static PriceSpec ToSpec(Proto.PlanPrice? p) => p is null
        ? new PriceSpec(null, BillingInterval.Month, null, 0, [])
        : new PriceSpec(p.Currency, (BillingInterval)(int)p.Interval, p.BaseFee, p.TrialDays, [.. p.Metrics.Select(ToSpec)]);

    private static MetricPriceSpec ToSpec(Proto.MetricPrice m) => m.ModelCase switch
    {
        Proto.MetricPrice.ModelOneofCase.PerUnit => new(m.Metric, m.Included, ChargeKind.PerUnit, m.PerUnit.UnitPrice, [], null, null, null),
        Proto.MetricPrice.ModelOneofCase.Graduated => new(m.Metric, m.Included, ChargeKind.Graduated, null, Tiers(m.Graduated), null, null, null),
        Proto.MetricPrice.ModelOneofCase.Volume => new(m.Metric, m.Included, ChargeKind.Volume, null, Tiers(m.Volume), null, null, null),
        Proto.MetricPrice.ModelOneofCase.Package => new(m.Metric, m.Included, ChargeKind.Package, null, [], m.Package.Size, m.Package.PackagePrice,
            m.Package.FreeBurst),
        _ => new(m.Metric, m.Included, ChargeKind.None, null, [], null, null, null),
    };

    private static List<TierSpec> Tiers(Proto.Tiers t) => [.. t.Tiers_.Select(x => new TierSpec(x.UpTo, x.UnitPrice, x.FlatFee))];

    public static Proto.PlanPrice ToProto(StoredPrice s)
    {
        var p = s.Price;
        return new Proto.PlanPrice
        {
            Name = s.Name,
            Version = p.Version,
            Currency = p.Currency.Code,
            Interval = (Proto.BillingInterval)(int)p.Interval,
            BaseFee = Amount(p.BaseFee),
            TrialDays = s.TrialDays,
            Metrics = { p.Metrics.Select(ToProto) },
            CreateTime = Timestamps.ToProto(s.CreateTime),
        };
    }

    private static Proto.MetricPrice ToProto(MetricPrice m)
    {
        var proto = new Proto.MetricPrice { Metric = m.Metric, Included = D(m.Included) };
        switch (m.Model)
        {
            case PerUnitCharge p: proto.PerUnit = new Proto.PerUnit { UnitPrice = D(p.UnitPrice) }; break;
            case GraduatedCharge g: proto.Graduated = Tiers(g.Tiers); break;
            case VolumeCharge v: proto.Volume = Tiers(v.Tiers); break;
            case PackageCharge k: proto.Package = new Proto.Package { Size = D(k.Size), PackagePrice = D(k.PackagePrice), FreeBurst = D(k.FreeBurst) }; break;
        }

        return proto;
    }

    private static Proto.Tiers Tiers(IReadOnlyList<PriceTier> tiers) => new()
    {
        Tiers_ = { tiers.Select(t => new Proto.Tier { UpTo = t.UpTo is { } u ? D(u) : "", UnitPrice = D(t.UnitPrice), FlatFee = D(t.FlatFee) }) },
    };

    public static Proto.BillableMetric ToProto(BillableMetricDefinition m) => new()
    {
        Name = m.Name,
        DisplayName = m.DisplayName,
        Aggregation = (Proto.UsageAggregation)(int)m.Aggregation,
        UniqueProperty = m.UniqueProperty ?? "",
        BuiltIn = m.BuiltIn,
        CreateTime = Timestamps.ToProto(m.CreateTime),
    };

    public static Proto.Subscription ToProto(SubscriptionView v)
    {
        var s = v.Record;
        return new Proto.Subscription
        {
            Name = s.Name,
            SubscriptionId = s.SubscriptionId,
            State = s.Status == SubscriptionStatus.Canceled ? Proto.SubscriptionState.Canceled
                : s.OpenedBoundary is null || s.BillingStart > DateTimeOffset.UtcNow ? Proto.SubscriptionState.Trialing : Proto.SubscriptionState.Active,
            Plan = Domain.Quota.Plan.NameOf(v.PlanId),
            PriceVersion = v.PriceVersion,
            CommitmentTerm = s.CommitmentTerm is { } t ? (Proto.CommitmentTerm)(int)t : Proto.CommitmentTerm.Unspecified,
            CommitmentEndTime = Time(s.CommitmentEnd),
            StartTime = Time(s.StartTime),
            BillingStartTime = Time(s.BillingStart),
            TimeZone = s.TimeZone,
            BillingAnchorDay = s.AnchorDay,
            CurrentPeriodStartTime = Time(v.CurrentPeriod?.Start),
            CurrentPeriodEndTime = Time(v.CurrentPeriod?.End),
            ScheduledPlan = v.ScheduledPlanId is { } p ? Domain.Quota.Plan.NameOf(p) : "",
            EndTime = Time(s.EndTime),
            Changes =
            {
                v.Changes.Select(c => new Proto.SubscriptionChange
                {
                    RequestTime = Time(c.At), Plan = Domain.Quota.Plan.NameOf(c.PlanId), PriceVersion = c.PriceVersion, Timing = Timing(c.Timing),
                }),
            },
            CreditBalance = Amount(s.CreditBalance, v.Currency),
        };
    }

    public static ChangeTiming ToDomain(Proto.ChangeTiming t) => t switch
    {
        Proto.ChangeTiming.Now => ChangeTiming.Immediately,
        Proto.ChangeTiming.PeriodEnd => ChangeTiming.AtPeriodEnd,
        _ => 0,
    };

    private static Proto.ChangeTiming Timing(ChangeTiming t) => t == ChangeTiming.Immediately ? Proto.ChangeTiming.Now : Proto.ChangeTiming.PeriodEnd;

    public static Proto.Invoice ToProto(InvoiceRecord r) => new()
    {
        Name = r.Name,
        SubscriptionId = r.SubscriptionId,
        State = (Proto.InvoiceState)(int)r.State,
        Currency = r.Invoice.Currency.Code,
        IssueTime = Time(r.Boundary),
        ClosesStartTime = Time(r.Closes?.Start),
        ClosesEndTime = Time(r.Closes?.End),
        OpensStartTime = Time(r.Opens?.Start),
        OpensEndTime = Time(r.Opens?.End),
        Lines = { r.Invoice.Lines.Select(ToProto) },
        Total = Amount(r.Invoice.Total),
        CreditBalanceBefore = Amount(r.CreditBefore, r.Invoice.Currency),
        CreditBalanceAfter = Amount(r.Invoice.CreditBalanceAfter),
        CreateTime = Timestamps.ToProto(r.CreateTime),
        FinalizeTime = Timestamps.ToProto(r.FinalizeTime),
        PaidTime = Timestamps.ToProto(r.PaidTime),
        Payments =
        {
            r.Payments.Select(p => new Proto.PaymentAttempt
            {
                Attempt = p.Attempt, IdempotencyKey = p.IdempotencyKey, Provider = p.Provider, Succeeded = p.Succeeded, Reference = p.Reference,
                AttemptTime = Timestamps.ToProto(p.Time),
            }),
        },
        Etag = r.Etag,
    };

    private static Proto.InvoiceLine ToProto(InvoiceLine l) => new()
    {
        Kind = (Proto.LineKind)(int)l.Kind,
        Description = l.Description,
        Amount = Amount(l.Amount),
        Plan = l.PlanId is { } p ? Domain.Quota.Plan.NameOf(p) : "",
        Metric = l.Metric ?? "",
        StartTime = Time(l.From),
        EndTime = Time(l.To),
        Quantity = l.Quantity is { } q ? D(q) : "",
        Included = l.Included is { } i ? D(i) : "",
        Steps =
        {
            (l.Charge?.Steps ?? []).Select(s => new Proto.ChargeStep
            {
                From = D(s.From), UpTo = s.UpTo is { } u ? D(u) : "", Units = D(s.Units), Billed = D(s.Billed), Price = D(s.Price), FlatFee = D(s.FlatFee),
                Amount = D(s.Amount),
            }),
        },
    };

    /// <summary>An amount with exactly the currency's digits ("29.00", "2900", "1.250").</summary>
    private static string Amount(Money m) => Amount(m.Amount, m.Currency);

    private static string Amount(decimal amount, Currency currency) => Rounding.IsRounded(amount, currency)
        ? amount.ToString("F" + currency.Exponent.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)
        : D(amount);

    /// <summary>A quantity or unit price without trailing zeros ("0.001", "1000").</summary>
    private static string D(decimal d) => (d / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    private static Timestamp? Time(DateTimeOffset? t) => t is { } v ? Timestamp.FromDateTimeOffset(v) : null;

    public static DateTimeOffset? FromProto(Timestamp? t) => t is null ? null : t.ToDateTimeOffset();
}
