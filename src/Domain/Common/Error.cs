namespace Platform.Domain.Common;

/// <summary>
/// An expected failure, returned as a value. <see cref="Reason"/> is one of
/// <see cref="ErrorReasons"/>; <see cref="Metadata"/> ends up in google.rpc.ErrorInfo.
/// </summary>
public sealed record Error(
    ErrorKind Kind,
    string Reason,
    string Message,
    IReadOnlyList<FieldViolation> Violations,
    IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>For RESOURCE_EXHAUSTED: which quota was hit (google.rpc.QuotaFailure).</summary>
    public QuotaViolation? Quota { get; init; }

    /// <summary>When the client may retry (google.rpc.RetryInfo); null when retrying will not help by itself.</summary>
    public TimeSpan? RetryAfter { get; init; }

    private static readonly IReadOnlyDictionary<string, string> NoMetadata = new Dictionary<string, string>();

    public static Error Validation(IReadOnlyList<FieldViolation> violations) =>
        new(ErrorKind.Invalid, ErrorReasons.ValidationFailed,
            violations.Count == 1 ? $"Invalid {violations[0].Field}: {violations[0].Description}" : $"{violations.Count} fields are invalid.",
            violations, NoMetadata);

    public static Error Validation(string field, string description) => Validation([new FieldViolation(field, description)]);

    public static Error NotFound(string resource) =>
        new(ErrorKind.NotFound, ErrorReasons.ResourceNotFound, $"{resource} was not found.", [],
            new Dictionary<string, string> { ["resource"] = resource });

    public static Error AlreadyExists(string resource) =>
        new(ErrorKind.AlreadyExists, ErrorReasons.ResourceAlreadyExists, $"{resource} already exists.", [],
            new Dictionary<string, string> { ["resource"] = resource });

    public static Error ValueTaken(string field, string value) =>
        new(ErrorKind.AlreadyExists, ErrorReasons.ValueAlreadyTaken, $"{field} '{value}' is already in use.",
            [new FieldViolation(field, "already in use")], new Dictionary<string, string> { ["field"] = field });

    public static Error EtagMismatch(string resource) =>
        new(ErrorKind.PreconditionFailed, ErrorReasons.EtagMismatch,
            $"The etag does not match the current version of {resource}; read it again and retry.", [],
            new Dictionary<string, string> { ["resource"] = resource });

    public static Error ConcurrentModification(string resource) =>
        new(ErrorKind.Aborted, ErrorReasons.ConcurrentModification,
            $"{resource} was changed concurrently; retry the request.", [],
            new Dictionary<string, string> { ["resource"] = resource });

    public static Error InvalidState(string resource, string state, string message) =>
        new(ErrorKind.PreconditionFailed, ErrorReasons.InvalidState, message, [],
            new Dictionary<string, string> { ["resource"] = resource, ["state"] = state });

    public static Error Custom(ErrorKind kind, string reason, string message, IReadOnlyList<FieldViolation>? violations = null,
        IReadOnlyDictionary<string, string>? metadata = null) =>
        new(kind, reason, message, violations ?? [], metadata ?? NoMetadata);
}
