using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Billing.V1;
using Platform.Integration.Tests.Infrastructure;
using Platform.Tenancy.V1;

namespace Platform.Integration.Tests.Billing;

/// <summary>A tenant on the seeded free plan with an admin key, and usage clients for it and for the operator.</summary>
public sealed record UsageWorld(HostFixture Fx, Tenant Tenant, string Secret)
{
    public UsageService.UsageServiceClient Usage => new(Fx.As(Secret));

    /// <summary>The operator's calls are not metered, so polling with it never changes what it reads.</summary>
    public UsageService.UsageServiceClient OperatorUsage => new(Fx.Operator);

    public string UsageName => $"{Tenant.Name}/usage";

    public static async Task<UsageWorld> CreateAsync(HostFixture fx)
    {
        var tenant = await fx.CreateTenantAsync();
        var (secret, _) = await fx.CreateKeyAsync(tenant.Name);
        return new UsageWorld(fx, tenant, secret);
    }

    public Task<RecordUsageEventsResponse> RecordAsync(params UsageEvent[] events) =>
        Usage.RecordUsageEventsAsync(new RecordUsageEventsRequest { Parent = Tenant.Name, Events = { events } }).ResponseAsync;

    public Task<Platform.Billing.V1.Usage> GetAsync() => OperatorUsage.GetUsageAsync(new GetUsageRequest { Name = UsageName }).ResponseAsync;

    public async Task<decimal> QuantityAsync(string metric) =>
        (await GetAsync()).Metrics.FirstOrDefault(m => m.Metric == metric) is { } m ? decimal.Parse(m.Quantity, System.Globalization.CultureInfo.InvariantCulture) : 0m;

    public static UsageEvent Event(string key, string quantity = "1", string metric = "tokens", DateTimeOffset? at = null) => new()
    {
        Metric = metric,
        Quantity = quantity,
        EventTime = Timestamp.FromDateTimeOffset(at ?? DateTimeOffset.UtcNow.AddSeconds(-1)),
        IdempotencyKey = key,
    };

    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting for {what}.");
            await Task.Delay(100);
        }
    }

    public static async Task<StatusCode> StatusOfAsync(Func<Task> call)
    {
        var e = await Assert.ThrowsAsync<RpcException>(call);
        return e.StatusCode;
    }
}
