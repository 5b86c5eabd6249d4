using Platform.Domain.Common;
using Platform.Domain.Tenancy;

namespace Platform.Application.Billing.Wallets;

public static class WalletNames
{
    private const string Suffix = "/wallet";
    private const string Transactions = "/wallet/transactions/";

    public static string Of(string tenantId) => $"tenants/{tenantId}/wallet";

    public static string Transaction(string tenantId, string id) => $"tenants/{tenantId}/wallet/transactions/{id}";

    /// <summary>The tenant id of <c>tenants/{tenant}/wallet</c>.</summary>
    public static Result<string> Wallet(string? name, string field = "name")
    {
        if (name is null || !name.EndsWith(Suffix, StringComparison.Ordinal)
            || !TenantId.FromResourceName(name[..^Suffix.Length], field).TryGetValue(out var id, out _))
        {
            return Error.Validation(field, "must be tenants/{tenant}/wallet");
        }

        return id.Value;
    }

    /// <summary>(tenant id, transaction id) of <c>tenants/{tenant}/wallet/transactions/{transaction}</c>.</summary>
    public static Result<(string TenantId, string Id)> TransactionOf(string? name, string field)
    {
        var at = name?.IndexOf(Transactions, StringComparison.Ordinal) ?? -1;
        if (at < 0 || !TenantId.FromResourceName(name![..at], field).TryGetValue(out var tenant, out _))
        {
            return Error.Validation(field, "must be tenants/{tenant}/wallet/transactions/{transaction}");
        }

        var id = name[(at + Transactions.Length)..];
        return id.Length is > 0 and <= 40 && id.All(char.IsAsciiLetterOrDigit)
            ? (tenant.Value, id)
            : Error.Validation(field, "must be tenants/{tenant}/wallet/transactions/{transaction}");
    }
}
