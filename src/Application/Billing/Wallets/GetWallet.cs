using Mediator;
using Platform.Application.Abstractions;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Common;
using Platform.Domain.Common;
using Platform.Domain.Tenancy;

namespace Platform.Application.Billing.Wallets;

public sealed record GetWalletQuery(string Name) : IQuery<Result<WalletView>>, IValidatable
{
    public Error? Validate() => WalletNames.Wallet(Name).Error;
}

internal sealed class GetWalletHandler(ITenantDirectory tenants, IWalletStore store, TimeProvider clock) : IQueryHandler<GetWalletQuery, Result<WalletView>>
{
    public async ValueTask<Result<WalletView>> Handle(GetWalletQuery query, CancellationToken ct)
    {
        var tenantId = WalletNames.Wallet(query.Name).Value;
        if (await tenants.FindAsync(TenantId.FromTrusted(tenantId), ct) is null)
        {
            return Error.NotFound(query.Name);
        }

        return WalletView.Of(await store.ReadAsync(tenantId, ct), clock.GetUtcNow().UtcDateTime);
    }
}
