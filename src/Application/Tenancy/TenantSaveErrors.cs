using Platform.Application.Abstractions;
using Platform.Domain.Common;
using Platform.Domain.Tenancy;

namespace Platform.Application.Tenancy;

/// <summary>Turns a failed commit of a tenant into the error the API promises.</summary>
internal static class TenantSaveErrors
{
    public static Error? From(SaveOutcome outcome, Tenant tenant) => outcome.Status switch
    {
        SaveStatus.Saved => null,
        SaveStatus.ConcurrencyConflict => Error.ConcurrentModification(tenant.ResourceName),
        SaveStatus.UniqueViolation when outcome.Constraint == Constraints.TenantSubdomain =>
            Error.ValueTaken("tenant.subdomain", tenant.Subdomain),
        SaveStatus.UniqueViolation when outcome.Constraint == Constraints.TenantPrimaryKey =>
            Error.AlreadyExists(tenant.ResourceName),
        _ => throw new InvalidOperationException($"Unexpected save outcome {outcome.Status} ({outcome.Constraint})."),
    };
}
