using Platform.Application.Abstractions;
using Platform.Domain.Access;
using Platform.Domain.Common;

namespace Platform.Application.Access;

/// <summary>Turns a failed commit of a member or role into the error the API promises.</summary>
internal static class AccessSaveErrors
{
    public static Error? From(SaveOutcome outcome, Member member) => outcome.Status switch
    {
        SaveStatus.Saved => null,
        SaveStatus.ConcurrencyConflict => Error.ConcurrentModification(member.ResourceName),
        SaveStatus.UniqueViolation when outcome.Constraint == Constraints.MemberPrimaryKey => Error.AlreadyExists(member.ResourceName),
        SaveStatus.UniqueViolation when outcome.Constraint == Constraints.MemberSubject => Error.ValueTaken("member.subject", member.Subject),
        _ => throw Unexpected(outcome),
    };

    public static Error? From(SaveOutcome outcome, Role role) => outcome.Status switch
    {
        SaveStatus.Saved => null,
        SaveStatus.ConcurrencyConflict => Error.ConcurrentModification(role.ResourceName),
        SaveStatus.UniqueViolation when outcome.Constraint == Constraints.RolePrimaryKey => Error.AlreadyExists(role.ResourceName),
        _ => throw Unexpected(outcome),
    };

    private static InvalidOperationException Unexpected(SaveOutcome outcome) =>
        new($"Unexpected save outcome {outcome.Status} ({outcome.Constraint}).");
}
