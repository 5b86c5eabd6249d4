using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Abstractions.Security;
using Platform.Billing.V1;
using Platform.Domain.Billing;
using Platform.Integration.Tests.Infrastructure;
using Platform.Tenancy.V1;

namespace Platform.Integration.Tests.Billing;

/// <summary>A fresh tenant with an admin key, and wallet clients as the operator and as the tenant.</summary>
public sealed record WalletScenario(HostFixture Fx, Tenant Tenant, string Secret)
{
    public string WalletName => $"{Tenant.Name}/wallet";

    public WalletService.WalletServiceClient Operator => new(Fx.Operator);

    public WalletService.WalletServiceClient AsTenant => new(Fx.As(Secret));

    public CallInvoker TenantCalls => Fx.As(Secret);

    public static async Task<WalletScenario> CreateAsync(HostFixture fx, params string[] roles)
    {
        var tenant = await fx.CreateTenantAsync(TenantSetup.NewId("w"));
        var (secret, _) = await fx.CreateKeyAsync(tenant.Name, roles.Length == 0 ? ["admin"] : roles);
        return new WalletScenario(fx, tenant, secret);
    }

    public async Task<WalletWriteResponse> TopUpAsync(string amount, string? requestId = null) =>
        await Operator.TopUpWalletAsync(new TopUpWalletRequest { Name = WalletName, Amount = amount, RequestId = requestId ?? "" });

    public async Task<Wallet> GetAsync() => await Operator.GetWalletAsync(new GetWalletRequest { Name = WalletName });

    public async Task<IReadOnlyList<WalletTransaction>> LedgerAsync(WalletTransaction.Types.Kind kind = WalletTransaction.Types.Kind.Unspecified) =>
        (await Operator.ListWalletTransactionsAsync(new ListWalletTransactionsRequest { Parent = WalletName, PageSize = 1000, Kind = kind })).Transactions;

    /// <summary>Consumption as the platform records it (the port, in its own scope, like the flusher).</summary>
    public async Task<ConsumptionResult> ConsumeAsync(decimal amount, string key)
    {
        await using var scope = Fx.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<RequestContext>().TenantId = Tenant.TenantId;
        var result = await scope.ServiceProvider.GetRequiredService<IWalletConsumption>()
            .ConsumeAsync(Tenant.TenantId, new Money(amount, Currency.Usd), key, "test usage", CancellationToken.None);
        return result.Value;
    }

    public static decimal Amount(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
