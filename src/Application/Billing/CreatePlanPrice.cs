using System.Text.Json;
using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Common;
using Platform.Domain.Common;

namespace Platform.Application.Billing;

public sealed record CreatePlanPriceCommand(string Parent, PriceSpec Price, string? RequestId) : ICommand<Result<StoredPrice>>, IValidatable
{
    public Error? Validate()
    {
        var v = new Validation().Merge(BillingNames.Plan(Parent, "parent").Error);
        if (v.IsValid)
        {
            v.Merge(Price.ToPrice(BillingNames.Plan(Parent, "parent").Value, 1).Error);
        }

        RequestIds.Check(v, RequestId);
        return v.ToError();
    }

    internal string Fingerprint() => PageToken.Fingerprint(Parent, JsonSerializer.Serialize(Price));
}

/// <summary>Adds the next version of a plan's price; versions are never edited, so invoices can always be recomputed.</summary>
internal sealed class CreatePlanPriceHandler(IBillingCatalog catalog, IPlanRepository plans, IIdempotencyStore idempotency, IUnitOfWork unitOfWork,
    TimeProvider clock) : ICommandHandler<CreatePlanPriceCommand, Result<StoredPrice>>
{
    private const string Scope = "platform.billing.v1.CatalogService/CreatePlanPrice";

    public async ValueTask<Result<StoredPrice>> Handle(CreatePlanPriceCommand command, CancellationToken ct)
    {
        if (command.RequestId is { } requestId && await ReplayAsync(requestId, command.Fingerprint(), ct) is { } replay)
        {
            return replay;
        }

        var planId = BillingNames.Plan(command.Parent, "parent").Value;
        if (await plans.FindAsync(planId, ct) is null)
        {
            return Error.NotFound(command.Parent);
        }

        var v = new Validation();
        for (var i = 0; i < command.Price.Metrics.Count; i++)
        {
            v.Check(await catalog.FindMetricAsync(command.Price.Metrics[i].Metric, ct) is not null, $"price.metrics[{i}].metric",
                "is not a billable metric (create it first)");
        }

        if (v.ToError() is { } unknown)
        {
            return unknown;
        }

        // Two concurrent creates can pick the same version; the loser retries with the next one.
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var version = ((await catalog.FindCurrentPriceAsync(planId, ct))?.Price.Version ?? 0) + 1;
            var stored = new StoredPrice(command.Price.ToPrice(planId, version).Value, command.Price.TrialDays, BillingTime.Now(clock).UtcDateTime);
            if (!await catalog.AddPriceAsync(stored, ct))
            {
                continue;
            }

            if (command.RequestId is { } key)
            {
                idempotency.Add(new IdempotencyRecord(Scope, key, command.Fingerprint(), stored.Name, stored.CreateTime));
                await unitOfWork.SaveChangesAsync(ct);
            }

            return stored;
        }

        return Error.ConcurrentModification(command.Parent);
    }

    private Task<Result<StoredPrice>?> ReplayAsync(string requestId, string fingerprint, CancellationToken ct) =>
        idempotency.ReplayAsync(Scope, requestId, fingerprint, "CreatePlanPrice", async name =>
        {
            var (plan, version) = BillingNames.Price(name).Value;
            return await catalog.FindPriceAsync(plan, version, ct) is { } price ? price : Result<StoredPrice>.Failure(Error.NotFound(name));
        }, ct);
}
