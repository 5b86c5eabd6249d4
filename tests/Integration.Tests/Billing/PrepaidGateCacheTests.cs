using Microsoft.Extensions.DependencyInjection;
using Platform.Access.V1;
using Platform.Application.Abstractions.Billing;
using Platform.Billing.V1;
using Platform.Domain.Billing;
using Platform.Integration.Tests.Infrastructure;
using Platform.Tenancy.V1;

namespace Platform.Integration.Tests.Billing;

public sealed class SqlitePrepaidGateCacheTests(SqliteHostFixture fx) : PrepaidGateCacheContractTests<SqliteHostFixture>(fx);

public sealed class PostgresPrepaidGateCacheTests(PostgresHostFixture fx) : PrepaidGateCacheContractTests<PostgresHostFixture>(fx);

/// <summary>
/// The gate reads a wallet (and its price, through the pricing port) when it first sees a tenant
/// and on its periodic refresh — never per call. Counted at the pricing port, which every read uses.
/// </summary>
public abstract class PrepaidGateCacheContractTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    [Fact]
    public async Task Many_prepaid_calls_read_the_wallet_once()
    {
        var pricing = new CountingPricing();
        await using var host = await fx.CreateIsolatedHostAsync(
            new Dictionary<string, string?> { ["Platform:Wallets:RefreshSeconds"] = "3600" },
            services => services.AddSingleton<ICallPricing>(pricing));
        using var channel = HostFixture.ChannelFor(host);
        await HostFixture.WaitUntilServingAsync(channel);
        var asOperator = HostFixture.WithCredential(channel, fx.OperatorKey);
        var tenant = await new TenantService.TenantServiceClient(asOperator).CreateTenantAsync(new CreateTenantRequest
        {
            TenantId = TenantSetup.NewId("g"), Tenant = new Tenant { DisplayName = "Gate" },
        });
        var key = await new AccessService.AccessServiceClient(asOperator).CreateApiKeyAsync(new CreateApiKeyRequest
        {
            Parent = tenant.Name, ApiKey = new ApiKey { DisplayName = "k", Roles = { "admin" } },
        });
        var wallets = new WalletService.WalletServiceClient(asOperator);
        var walletName = $"{tenant.Name}/wallet";
        await wallets.UpdateWalletAsync(new UpdateWalletRequest { Wallet = new Wallet { Name = walletName, BillingMode = Wallet.Types.BillingMode.Prepaid } });
        await wallets.TopUpWalletAsync(new TopUpWalletRequest { Name = walletName, Amount = "1.00" });

        var tenants = new TenantService.TenantServiceClient(HostFixture.WithCredential(channel, key.Secret));
        await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => tenants.GetTenantAsync(new GetTenantRequest { Name = tenant.Name }).ResponseAsync));

        Assert.Equal(1, pricing.Reads);
        Assert.Equal("0.94", (await EventuallyAsync(() => wallets.GetWalletAsync(new GetWalletRequest { Name = walletName }).ResponseAsync, "0.94")).Balance);
    }

    private static async Task<Wallet> EventuallyAsync(Func<Task<Wallet>> read, string balance)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var wallet = await read();
            if (wallet.Balance == balance || DateTime.UtcNow > deadline)
            {
                return wallet;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The seeded price, counting how often the gate asks for it.</summary>
    private sealed class CountingPricing : ICallPricing
    {
        private int _reads;

        public int Reads => _reads;

        public ValueTask<Money> PricePerUnitAsync(string tenantId, Currency walletCurrency, CancellationToken ct)
        {
            Interlocked.Increment(ref _reads);
            return ValueTask.FromResult(new Money(SeedPrices.PricePerCall, walletCurrency));
        }
    }
}
