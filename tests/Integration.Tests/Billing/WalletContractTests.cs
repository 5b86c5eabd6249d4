using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Platform.Billing.V1;
using Platform.Integration.Tests.Infrastructure;
using Platform.Tenancy.V1;
using static Platform.Integration.Tests.Billing.WalletScenario;
using Kind = Platform.Billing.V1.WalletTransaction.Types.Kind;

namespace Platform.Integration.Tests.Billing;

public sealed class SqliteWalletTests(SqliteHostFixture fx) : WalletContractTests<SqliteHostFixture>(fx);

public sealed class PostgresWalletTests(PostgresHostFixture fx) : WalletContractTests<PostgresHostFixture>(fx);

/// <summary>Wallets through the real host on both databases: ledger, idempotency, concurrency, the prepaid gate.</summary>
public abstract class WalletContractTests<TFixture>(TFixture fx) : IClassFixture<TFixture>
    where TFixture : HostFixture
{
    [Fact]
    public async Task A_new_wallet_is_postpaid_usd_and_empty()
    {
        var s = await CreateAsync(fx);
        var wallet = await s.AsTenant.GetWalletAsync(new GetWalletRequest { Name = s.WalletName });

        Assert.Equal((s.WalletName, "USD", Wallet.Types.BillingMode.Postpaid, "0.00", 0), (wallet.Name, wallet.CurrencyCode, wallet.BillingMode, wallet.Balance,
            wallet.AvailableGrants.Count));
        Assert.Empty(await s.LedgerAsync());
        await Errors.AssertFailsAsync(async () => await s.Operator.GetWalletAsync(new GetWalletRequest { Name = "tenants/nosuchtenant1/wallet" }),
            StatusCode.NotFound, "RESOURCE_NOT_FOUND");
    }

    [Fact]
    public async Task Consumption_draws_grants_by_priority_then_expiry_then_top_up_credit()
    {
        var s = await CreateAsync(fx);
        await s.TopUpAsync("10.00");
        var late = await Grant(s, "3.00", priority: 10, expire: DateTime.UtcNow.AddHours(2));
        var first = await Grant(s, "2.00", priority: 5);
        var soon = await Grant(s, "1.00", priority: 10, expire: DateTime.UtcNow.AddHours(1));
        Assert.Equal("16.00", (await s.GetAsync()).Balance);

        var consumed = await s.ConsumeAsync(4.5m, "invoice-1");

        Assert.Equal((4.5m, 0m, 11.5m), (consumed.Consumed.Amount, consumed.Shortfall.Amount, consumed.Balance.Amount));
        var draws = (await s.LedgerAsync(Kind.Consumption)).Reverse().Select(t => (t.SourceGrant, t.Amount)).ToArray();
        Assert.Equal([(first, "-2.00"), (soon, "-1.00"), (late, "-1.50")], draws);
        var wallet = await s.GetAsync();
        Assert.Equal(("11.50", "10.00"), (wallet.Balance, wallet.TopUpBalance));
        Assert.Equal((late, "1.50"), (wallet.AvailableGrants.Single().Transaction, wallet.AvailableGrants.Single().Remaining));

        // Beyond the balance: what is covered is recorded, the rest reported, never a negative balance.
        var over = await s.ConsumeAsync(20m, "invoice-2");
        Assert.Equal((11.5m, 8.5m, 0m), (over.Consumed.Amount, over.Shortfall.Amount, over.Balance.Amount));
        Assert.Equal("0.00", (await s.GetAsync()).Balance);
        Assert.Equal(0m, (await s.LedgerAsync()).Sum(t => Amount(t.Amount)));
    }

    [Fact]
    public async Task Refunds_give_back_at_most_what_a_consumption_took_to_where_it_came_from()
    {
        var s = await CreateAsync(fx);
        await s.TopUpAsync("5.00");
        var grant = await Grant(s, "2.00");
        await s.ConsumeAsync(3m, "usage-1");
        var fromGrant = (await s.LedgerAsync(Kind.Consumption)).Single(t => t.SourceGrant == grant);

        var refund = await s.Operator.RefundCreditsAsync(new RefundCreditsRequest { Name = s.WalletName, Transaction = fromGrant.Name, Amount = "1.50", Reason = "outage" });
        Assert.Equal((Kind.Refund, "1.50", grant, fromGrant.Name), (refund.Transactions[0].Kind, refund.Transactions[0].Amount,
            refund.Transactions[0].SourceGrant, refund.Transactions[0].RefundedTransaction));
        Assert.Equal(("5.50", "1.50"), (refund.Wallet.Balance, refund.Wallet.AvailableGrants.Single().Remaining));

        await Errors.AssertFailsAsync(async () => await s.Operator.RefundCreditsAsync(new RefundCreditsRequest
        {
            Name = s.WalletName, Transaction = fromGrant.Name, Amount = "1.00", Reason = "again",
        }), StatusCode.FailedPrecondition, "INVALID_STATE");
        var rest = await s.Operator.RefundCreditsAsync(new RefundCreditsRequest { Name = s.WalletName, Transaction = fromGrant.Name, Reason = "the rest" });
        Assert.Equal(("0.50", "6.00"), (rest.Transactions[0].Amount, rest.Wallet.Balance));

        var topUp = (await s.LedgerAsync(Kind.TopUp)).Single();
        var (_, _, notConsumption) = await Errors.AssertFailsAsync(async () => await s.Operator.RefundCreditsAsync(new RefundCreditsRequest
        {
            Name = s.WalletName, Transaction = topUp.Name, Reason = "x",
        }), StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["transaction"], notConsumption.Fields());
    }

    [Fact]
    public async Task Adjustments_are_signed_and_never_take_more_than_the_balance()
    {
        var s = await CreateAsync(fx);
        await s.TopUpAsync("1.00");
        await Grant(s, "2.00");

        var credit = await s.Operator.AdjustBalanceAsync(new AdjustBalanceRequest { Name = s.WalletName, Amount = "5.25", Reason = "goodwill" });
        Assert.Equal(("8.25", "6.25"), (credit.Wallet.Balance, credit.Wallet.TopUpBalance));

        var (_, info, _) = await Errors.AssertFailsAsync(async () => await s.Operator.AdjustBalanceAsync(new AdjustBalanceRequest
        {
            Name = s.WalletName, Amount = "-8.26", Reason = "too much",
        }), StatusCode.FailedPrecondition, "INSUFFICIENT_BALANCE");
        Assert.Equal("8.25", info.Metadata["balance"]);

        var debit = await s.Operator.AdjustBalanceAsync(new AdjustBalanceRequest { Name = s.WalletName, Amount = "-3.00", Reason = "correction" });
        Assert.Equal(["-2.00", "-1.00"], debit.Transactions.Select(t => t.Amount));
        Assert.Equal("5.25", debit.Wallet.Balance);
        Assert.Equal(5.25m, (await s.LedgerAsync()).Sum(t => Amount(t.Amount)));
    }

    [Fact]
    public async Task Writes_are_idempotent_by_request_id()
    {
        var s = await CreateAsync(fx);
        var id = Guid.NewGuid().ToString();
        var first = await s.TopUpAsync("7.00", id);
        var retry = await s.TopUpAsync("7.00", id);

        Assert.Equal(first.Transactions.Single().Name, retry.Transactions.Single().Name);
        Assert.Equal(id, retry.Transactions.Single().RequestId);
        Assert.Equal("7.00", retry.Wallet.Balance);
        await Errors.AssertFailsAsync(async () => await s.TopUpAsync("8.00", id), StatusCode.InvalidArgument, "REQUEST_ID_REUSED");
        // Another method may use the same id: keys are per method.
        await s.Operator.GrantCreditsAsync(new GrantCreditsRequest { Name = s.WalletName, Amount = "1.00", RequestId = id });

        var consumed = await s.ConsumeAsync(2m, "batch-1");
        var replay = await s.ConsumeAsync(2m, "batch-1");
        Assert.False(consumed.Replayed);
        Assert.Equal((true, 2m), (replay.Replayed, replay.Consumed.Amount));
        Assert.Equal("6.00", (await s.GetAsync()).Balance);
    }

    [Fact]
    public async Task Concurrent_top_ups_and_consumptions_never_lose_or_double_a_cent()
    {
        var s = await CreateAsync(fx);
        await s.TopUpAsync("10.00");
        await Grant(s, "2.00");
        const int topUps = 20, consumptions = 30;

        // Every consumption is also sent twice at once under one key, as a racing retry would.
        var work = Enumerable.Range(0, topUps).Select(i => Task.Run(() => s.TopUpAsync("1.00", $"top-{i}")))
            .Concat<Task>(Enumerable.Range(0, consumptions).SelectMany(i => new[]
            {
                Task.Run(() => s.ConsumeAsync(0.25m, $"use-{i}")),
                Task.Run(() => s.ConsumeAsync(0.25m, $"use-{i}")),
            }))
            .ToList();
        await Task.WhenAll(work);

        var expected = 10m + 2m + topUps * 1m - consumptions * 0.25m;
        var ledger = await s.LedgerAsync();
        Assert.Equal(expected, Amount((await s.GetAsync()).Balance));
        Assert.Equal(expected, ledger.Sum(t => Amount(t.Amount)));
        Assert.Equal(topUps + 1, ledger.Count(t => t.Kind == Kind.TopUp));
        Assert.Equal(-consumptions * 0.25m, ledger.Where(t => t.Kind == Kind.Consumption).Sum(t => Amount(t.Amount)));
    }

    [Fact]
    public async Task A_prepaid_tenant_is_refused_once_its_balance_runs_out_and_served_again_after_a_top_up()
    {
        var s = await CreateAsync(fx);
        await s.Operator.UpdateWalletAsync(new UpdateWalletRequest
        {
            Wallet = new Wallet { Name = s.WalletName, BillingMode = Wallet.Types.BillingMode.Prepaid },
            UpdateMask = new FieldMask { Paths = { "billing_mode" } },
        });
        await s.TopUpAsync("0.01"); // ten calls at 0.001 USD
        var tenants = new TenantService.TenantServiceClient(s.TenantCalls);
        var get = new GetTenantRequest { Name = s.Tenant.Name };

        for (var i = 0; i < 10; i++)
        {
            await tenants.GetTenantAsync(get);
        }

        var (_, info, _) = await Errors.AssertFailsAsync(async () => await tenants.GetTenantAsync(get), StatusCode.FailedPrecondition, "INSUFFICIENT_BALANCE");
        Assert.Equal((s.WalletName, "0.001"), (info.Metadata["wallet"], info.Metadata["required"]));

        // The wallet stays reachable, so the tenant can see why and pay; operators are never charged.
        await s.AsTenant.GetWalletAsync(new GetWalletRequest { Name = s.WalletName });
        await s.AsTenant.ListWalletTransactionsAsync(new ListWalletTransactionsRequest { Parent = s.WalletName });
        await fx.Tenants.GetTenantAsync(get);

        // The admitted calls are written as consumption off the request path.
        var consumed = await EventuallyAsync(async () => (await s.LedgerAsync(Kind.Consumption)).Sum(t => Amount(t.Amount)), -0.01m);
        Assert.Equal(-0.01m, consumed);
        Assert.Equal("0.00", (await s.GetAsync()).Balance);

        await s.AsTenant.TopUpWalletAsync(new TopUpWalletRequest { Name = s.WalletName, Amount = "0.01" });
        await tenants.GetTenantAsync(get);
    }

    [Fact]
    public async Task A_postpaid_tenant_is_never_gated()
    {
        var s = await CreateAsync(fx);
        var tenants = new TenantService.TenantServiceClient(s.TenantCalls);
        for (var i = 0; i < 15; i++)
        {
            await tenants.GetTenantAsync(new GetTenantRequest { Name = s.Tenant.Name });
        }

        var wallet = await s.GetAsync();
        Assert.Equal((Wallet.Types.BillingMode.Postpaid, "0.00"), (wallet.BillingMode, wallet.Balance));
        Assert.Empty(await s.LedgerAsync());
    }

    [Fact]
    public async Task Transactions_are_listed_newest_first_in_pages_and_by_kind()
    {
        var s = await CreateAsync(fx);
        for (var i = 1; i <= 5; i++)
        {
            await s.TopUpAsync($"{i}.00");
        }

        await Grant(s, "9.00");
        var page1 = await s.AsTenant.ListWalletTransactionsAsync(new ListWalletTransactionsRequest { Parent = s.WalletName, PageSize = 4 });
        var page2 = await s.AsTenant.ListWalletTransactionsAsync(new ListWalletTransactionsRequest { Parent = s.WalletName, PageSize = 4, PageToken = page1.NextPageToken });

        Assert.Equal(["9.00", "5.00", "4.00", "3.00", "2.00", "1.00"], page1.Transactions.Concat(page2.Transactions).Select(t => t.Amount));
        Assert.Empty(page2.NextPageToken);
        var topUps = await s.LedgerAsync(Kind.TopUp);
        Assert.Equal(5, topUps.Count);
        await Errors.AssertFailsAsync(async () => await s.AsTenant.ListWalletTransactionsAsync(new ListWalletTransactionsRequest
        {
            Parent = s.WalletName, PageSize = 4, PageToken = page1.NextPageToken, Kind = Kind.Grant,
        }), StatusCode.InvalidArgument, "INVALID_PAGE_TOKEN");
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_field()
    {
        var s = await CreateAsync(fx);
        foreach (var amount in new[] { "-1.00", "0", "1.001", "abc", "" })
        {
            var (_, _, bad) = await Errors.AssertFailsAsync(async () => await s.TopUpAsync(amount), StatusCode.InvalidArgument, "VALIDATION_FAILED");
            Assert.Equal(["amount"], bad.Fields());
        }

        var (_, _, currency) = await Errors.AssertFailsAsync(async () => await s.Operator.TopUpWalletAsync(new TopUpWalletRequest
        {
            Name = s.WalletName, Amount = "1.00", CurrencyCode = "XYZ",
        }), StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["currency_code"], currency.Fields());
        var (_, _, other) = await Errors.AssertFailsAsync(async () => await s.Operator.TopUpWalletAsync(new TopUpWalletRequest
        {
            Name = s.WalletName, Amount = "1.00", CurrencyCode = "EUR",
        }), StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["currency_code"], other.Fields());
        var (_, _, priority) = await Errors.AssertFailsAsync(async () => await s.Operator.GrantCreditsAsync(new GrantCreditsRequest
        {
            Name = s.WalletName, Amount = "1.00", Priority = 101,
        }), StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["priority"], priority.Fields());
        var (_, _, past) = await Errors.AssertFailsAsync(async () => await s.Operator.GrantCreditsAsync(new GrantCreditsRequest
        {
            Name = s.WalletName, Amount = "1.00", ExpireTime = Timestamp.FromDateTime(DateTime.UtcNow.AddMinutes(-1)),
        }), StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["expire_time"], past.Fields());
        var (_, _, reason) = await Errors.AssertFailsAsync(async () => await s.Operator.AdjustBalanceAsync(new AdjustBalanceRequest
        {
            Name = s.WalletName, Amount = "1.00",
        }), StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["reason"], reason.Fields());
        var (_, _, badCode) = await Errors.AssertFailsAsync(async () => await s.Operator.UpdateWalletAsync(new UpdateWalletRequest
        {
            Wallet = new Wallet { Name = s.WalletName, CurrencyCode = "usd" },
        }), StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["wallet.currency_code"], badCode.Fields());
    }

    [Fact]
    public async Task The_currency_changes_only_while_the_ledger_is_empty_and_amounts_follow_its_digits()
    {
        var s = await CreateAsync(fx);
        var jpy = await s.Operator.UpdateWalletAsync(new UpdateWalletRequest { Wallet = new Wallet { Name = s.WalletName, CurrencyCode = "JPY" } });
        Assert.Equal(("JPY", "0"), (jpy.CurrencyCode, jpy.Balance));

        var (_, _, digits) = await Errors.AssertFailsAsync(async () => await s.TopUpAsync("1.50"), StatusCode.InvalidArgument, "VALIDATION_FAILED");
        Assert.Equal(["amount"], digits.Fields());
        Assert.Equal("1500", (await s.TopUpAsync("1500")).Wallet.Balance);
        await Errors.AssertFailsAsync(async () => await s.Operator.UpdateWalletAsync(new UpdateWalletRequest
        {
            Wallet = new Wallet { Name = s.WalletName, CurrencyCode = "USD" },
            UpdateMask = new FieldMask { Paths = { "currency_code" } },
        }), StatusCode.FailedPrecondition, "INVALID_STATE");
    }

    [Fact]
    public async Task Operator_only_methods_and_other_tenants_wallets_are_refused()
    {
        var s = await CreateAsync(fx);
        var other = await CreateAsync(fx);
        await Errors.AssertFailsAsync(async () => await s.AsTenant.GrantCreditsAsync(new GrantCreditsRequest { Name = s.WalletName, Amount = "1.00" }),
            StatusCode.PermissionDenied, "PERMISSION_DENIED");
        await Errors.AssertFailsAsync(async () => await s.AsTenant.UpdateWalletAsync(new UpdateWalletRequest
        {
            Wallet = new Wallet { Name = s.WalletName, BillingMode = Wallet.Types.BillingMode.Postpaid },
        }), StatusCode.PermissionDenied, "PERMISSION_DENIED");
        var e = await Assert.ThrowsAsync<RpcException>(async () => await s.AsTenant.GetWalletAsync(new GetWalletRequest { Name = other.WalletName }));
        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);

        var viewer = await CreateAsync(fx, "viewer");
        await Errors.AssertFailsAsync(async () => await viewer.AsTenant.TopUpWalletAsync(new TopUpWalletRequest { Name = viewer.WalletName, Amount = "1.00" }),
            StatusCode.PermissionDenied, "PERMISSION_DENIED");
        var billing = await CreateAsync(fx, "billing");
        Assert.Equal("1.00", (await billing.AsTenant.TopUpWalletAsync(new TopUpWalletRequest { Name = billing.WalletName, Amount = "1.00" })).Wallet.Balance);
    }

    [Fact]
    public async Task Wallets_are_reachable_over_rest()
    {
        var s = await CreateAsync(fx);
        using var rest = fx.RestAs(s.Secret);

        var topUp = await rest.PostAsJsonAsync($"/v1/{s.WalletName}:topUp", new { amount = "12.34", requestId = "rest-1" });
        Assert.Equal(HttpStatusCode.OK, topUp.StatusCode);
        var wallet = await rest.GetFromJsonAsync<JsonElement>($"/v1/{s.WalletName}");
        Assert.Equal(("12.34", "BILLING_MODE_POSTPAID"), (wallet.GetProperty("balance").GetString(), wallet.GetProperty("billingMode").GetString()));
        var list = await rest.GetFromJsonAsync<JsonElement>($"/v1/{s.WalletName}/transactions?kind=KIND_TOP_UP");
        Assert.Equal("12.34", list.GetProperty("transactions")[0].GetProperty("amount").GetString());

        var bad = await rest.PostAsJsonAsync($"/v1/{s.WalletName}:topUp", new { amount = "1.234" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    private static async Task<string> Grant(WalletScenario s, string amount, int priority = 0, DateTime? expire = null) =>
        (await s.Operator.GrantCreditsAsync(new GrantCreditsRequest
        {
            Name = s.WalletName,
            Amount = amount,
            Priority = priority,
            ExpireTime = expire is { } e ? Timestamp.FromDateTime(e) : null,
            Description = "test grant",
        })).Transactions.Single().Name;

    /// <summary>Polls until <paramref name="read"/> returns <paramref name="expected"/> (background flushes), at most 10 s.</summary>
    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, T expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var value = await read();
            if (Equals(value, expected) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }
}
