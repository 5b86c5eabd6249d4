using Grpc.Core;
using Mediator;
using Platform.Application.Billing.Wallets;
using Platform.Billing.V1;
using Platform.Domain.Billing.Wallets;
using Platform.GrpcHost.Errors;
using Platform.GrpcHost.Mapping;

namespace Platform.GrpcHost.Services;

/// <summary>platform.billing.v1.WalletService.</summary>
public sealed class WalletGrpcService(IMediator mediator) : WalletService.WalletServiceBase
{
    public override async Task<Wallet> GetWallet(GetWalletRequest request, ServerCallContext context) =>
        (await mediator.Send(new GetWalletQuery(request.Name), context.CancellationToken)).ToReply(WalletMapper.ToProto);

    public override async Task<Wallet> UpdateWallet(UpdateWalletRequest request, ServerCallContext context)
    {
        var wallet = request.Wallet ?? new Wallet();
        var paths = request.UpdateMask?.Paths.Count > 0 ? request.UpdateMask.Paths.ToHashSet() : ["billing_mode", "currency_code"];
        if (paths.FirstOrDefault(p => p is not ("billing_mode" or "currency_code")) is { } unknown)
        {
            throw ErrorMapper.ToRpcException(Domain.Common.Error.Validation("update_mask", $"'{unknown}' cannot be updated (billing_mode, currency_code)"));
        }

        var currency = paths.Contains("currency_code") && wallet.CurrencyCode.Length > 0 ? wallet.CurrencyCode : null;
        var mode = paths.Contains("billing_mode") ? WalletMapper.ToDomain(wallet.BillingMode) : null;
        return (await mediator.Send(new UpdateWalletCommand(wallet.Name, currency, mode), context.CancellationToken)).ToReply(WalletMapper.ToProto);
    }

    public override async Task<WalletWriteResponse> TopUpWallet(TopUpWalletRequest request, ServerCallContext context) =>
        (await mediator.Send(new TopUpWalletCommand(request.Name, request.Amount, NullIfEmpty(request.CurrencyCode), NullIfEmpty(request.Description),
            NullIfEmpty(request.RequestId)), context.CancellationToken)).ToReply(WalletMapper.ToProto);

    public override async Task<WalletWriteResponse> GrantCredits(GrantCreditsRequest request, ServerCallContext context) =>
        (await mediator.Send(new GrantCreditsCommand(request.Name, request.Amount, NullIfEmpty(request.CurrencyCode), request.ExpireTime?.ToDateTime(),
            request.Priority, NullIfEmpty(request.Description), NullIfEmpty(request.RequestId)), context.CancellationToken)).ToReply(WalletMapper.ToProto);

    public override async Task<WalletWriteResponse> RefundCredits(RefundCreditsRequest request, ServerCallContext context) =>
        (await mediator.Send(new RefundCreditsCommand(request.Name, request.Transaction, NullIfEmpty(request.Amount), request.Reason,
            NullIfEmpty(request.RequestId)), context.CancellationToken)).ToReply(WalletMapper.ToProto);

    public override async Task<WalletWriteResponse> AdjustBalance(AdjustBalanceRequest request, ServerCallContext context) =>
        (await mediator.Send(new AdjustBalanceCommand(request.Name, request.Amount, request.Reason, NullIfEmpty(request.RequestId)),
            context.CancellationToken)).ToReply(WalletMapper.ToProto);

    public override async Task<ListWalletTransactionsResponse> ListWalletTransactions(ListWalletTransactionsRequest request, ServerCallContext context) =>
        (await mediator.Send(new ListWalletTransactionsQuery(request.Parent, request.PageSize, NullIfEmpty(request.PageToken),
            request.Kind == WalletTransaction.Types.Kind.Unspecified ? null : (WalletEntryKind)(int)request.Kind), context.CancellationToken))
        .ToReply(WalletMapper.ToProto);

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
