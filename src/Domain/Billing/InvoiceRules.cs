using Platform.Domain.Common;
using Platform.Domain.Quota;

namespace Platform.Domain.Billing;

/// <summary>Checks an <see cref="InvoiceInput"/> before anything is computed, reporting every problem at once.</summary>
public static class InvoiceRules
{
    public static Error? Check(InvoiceInput input)
    {
        var v = new Validation();
        var plan = input.Plan;
        v.Check(input.Closes is not null || input.Opens is not null, "closes", "an invoice closes a period, opens one, or both")
         .Check(input.Closes is null || input.Opens is null || input.Opens.Start == input.Closes.End, "opens.start", "must be the end of the closed period");

        var firstEnd = input.Closes?.End ?? input.Opens?.End;
        v.Check(input.SubscriptionStart is null || input.SubscriptionStart < firstEnd, "subscription_start",
            "must be before the end of the first period on the invoice");

        Changes(v, input, plan);
        Usage(v, input);
        for (var i = 0; i < input.Discounts.Count; i++)
        {
            input.Discounts[i].Check(v, $"discounts[{i}]", plan.Currency);
        }

        if (input.CreditBalance is { } credit)
        {
            v.Check(credit.Currency == plan.Currency, "credit_balance", $"must be in {plan.Currency.Code}, the plan's currency")
             .Check(credit.Amount >= 0m && credit.IsRounded, "credit_balance", "must be zero or more and a whole number of minor units");
        }

        if (input.Commitment is { } commitment)
        {
            v.Check(Enum.IsDefined(commitment.Term), "commitment.term", "must be ONE_YEAR or THREE_YEARS")
             .Check(commitment.End > commitment.Start, "commitment.end", "must be after its start");
        }

        return v.ToError();
    }

    private static void Changes(Validation v, InvoiceInput input, PlanPrice plan)
    {
        v.Check(input.Changes.Count == 0 || input.Closes is not null, "changes", "plan changes belong to the period being closed");
        var previous = DateTimeOffset.MinValue;
        for (var i = 0; i < input.Changes.Count; i++)
        {
            var change = input.Changes[i];
            var field = $"changes[{i}]";
            v.Check(Enum.IsDefined(change.Timing), $"{field}.timing", "must be IMMEDIATELY or AT_PERIOD_END")
             .Check(change.To.Currency == plan.Currency && change.To.Interval == plan.Interval, $"{field}.to",
                 "must have the same currency and interval as the current plan; changing those is a new subscription")
             .Check(change.At >= previous, $"{field}.at", "changes must be in the order they were requested");
            if (input.Closes is { } closes)
            {
                v.Check(closes.Contains(change.At), $"{field}.at", "must be inside the closed period (its end belongs to the next one)")
                 .Check(input.SubscriptionStart is null || change.At >= input.SubscriptionStart, $"{field}.at", "must not be before the subscription started");
            }

            previous = change.At;
        }
    }

    private static void Usage(Validation v, InvoiceInput input)
    {
        v.Check(input.Usage.Count == 0 || input.Closes is not null, "usage", "usage belongs to the period being closed");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < input.Usage.Count; i++)
        {
            var usage = input.Usage[i];
            v.Check(Metrics.IsValidId(usage.Metric), $"usage[{i}].metric", "must match [a-z][a-z0-9_]{0,62}")
             .Check(seen.Add(usage.Metric ?? ""), $"usage[{i}].metric", "is listed twice");
            PriceRules.Quantity(v, usage.Quantity, $"usage[{i}].quantity");
        }
    }
}
