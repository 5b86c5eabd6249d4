using Mediator;
using Platform.Application.Abstractions.Billing;
using Platform.Domain.Common;

namespace Platform.Application.Billing;

public sealed record RunInvoicesCommand(DateTimeOffset? AsOf, string? Tenant) : ICommand<Result<InvoiceRunResult>>, Common.IValidatable
{
    public Error? Validate() => Tenant is null ? null : BillingNames.Tenant(Tenant, "tenant").Error;
}

public sealed record InvoiceRunResult(int TenantsScanned, int InvoicesCreated);

/// <summary>Issues every due invoice at <see cref="RunInvoicesCommand.AsOf"/> (default now); the background job and the operator RPC share it.</summary>
internal sealed class RunInvoicesHandler(InvoiceRun run, TimeProvider clock) : ICommandHandler<RunInvoicesCommand, Result<InvoiceRunResult>>
{
    public async ValueTask<Result<InvoiceRunResult>> Handle(RunInvoicesCommand command, CancellationToken ct) =>
        await run.RunAsync(command.AsOf ?? BillingTime.Now(clock), ct, command.Tenant is null ? null : BillingNames.Tenant(command.Tenant, "tenant").Value);
}
