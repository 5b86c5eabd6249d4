using System.Globalization;
using Mediator;
using Platform.Application.Abstractions.Billing;
using Platform.Application.Common;
using Platform.Domain.Billing.Wallets;
using Platform.Domain.Common;

namespace Platform.Application.Billing.Wallets;

public sealed record GrantCreditsCommand(string Name, string Amount, string? CurrencyCode, DateTime? ExpireTime, int Priority, string? Description,
    string? RequestId) : ICommand<Result<WalletWriteView>>, IValidatable
{
    public const int MaxPriority = 100;

    public Error? Validate() =>
        WalletRequests.Common(Name, RequestId).CurrencyCode(CurrencyCode).Text(Description, "description")
            .Check(!string.IsNullOrWhiteSpace(Amount), "amount", "is required: a decimal string such as \"10.00\"")
            .Check(Priority is >= 0 and <= MaxPriority, "priority", $"must be between 0 and {MaxPriority}").ToError();
}

/// <summary>One GRANT entry: its own bucket, drawn before top-up credit, counting until it expires.</summary>
internal sealed class GrantCreditsHandler(WalletWriter writer) : ICommandHandler<GrantCreditsCommand, Result<WalletWriteView>>
{
    public async ValueTask<Result<WalletWriteView>> Handle(GrantCreditsCommand command, CancellationToken ct)
    {
        var fingerprint = PageToken.Fingerprint(command.Amount, command.CurrencyCode ?? "", command.Description ?? "",
            command.ExpireTime?.ToString("O", CultureInfo.InvariantCulture) ?? "", command.Priority.ToString(CultureInfo.InvariantCulture));
        return await writer.WriteAsync(WalletNames.Wallet(command.Name).Value, "GrantCredits", command.RequestId, fingerprint, (state, entries) =>
        {
            if (WalletRequests.MatchesWallet(command.CurrencyCode, state.Account.Currency) is { } mismatch)
            {
                return mismatch;
            }

            // Checked under the lock only because the clock is read there; a replay never gets here.
            if (command.ExpireTime is { } expiry && expiry <= entries.Now)
            {
                return Error.Validation("expire_time", "must be in the future");
            }

            return WalletAmounts.Parse(command.Amount, state.Account.Currency, "amount").Map(a => new WalletChange(state.Account,
                [entries.Create(WalletEntryKind.Grant, a, command.Description ?? "", expireTime: command.ExpireTime, priority: command.Priority)]));
        }, ct);
    }
}
