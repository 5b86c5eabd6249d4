using Platform.Domain.Common;

namespace Platform.Application.Abstractions.Security;

/// <summary>The errors of authentication and authorization, shared by the host and the handlers.</summary>
public static class SecurityErrors
{
    public static Error Missing() => Error.Custom(ErrorKind.Unauthenticated, ErrorReasons.CredentialsMissing,
        "Credentials are required: send 'authorization: Bearer <api key or token>' or 'x-api-key: <api key>'.");

    public static Error Invalid(string why = "The credentials are not valid.") =>
        Error.Custom(ErrorKind.Unauthenticated, ErrorReasons.CredentialsInvalid, why);

    public static Error Expired() => Error.Custom(ErrorKind.Unauthenticated, ErrorReasons.CredentialsExpired, "The credentials have expired.");

    public static Error Revoked() => Error.Custom(ErrorKind.Unauthenticated, ErrorReasons.CredentialsRevoked, "The API key was revoked.");

    public static Error Denied(string permission) => Error.Custom(ErrorKind.Forbidden, ErrorReasons.PermissionDenied,
        $"The caller lacks the permission '{permission}'.", metadata: new Dictionary<string, string> { ["permission"] = permission });

    public static Error TenantMismatch(string detail) => Error.Custom(ErrorKind.Forbidden, ErrorReasons.TenantMismatch,
        $"The request's tenants disagree: {detail}.");

    public static Error TenantSuspended(string tenant) => Error.Custom(ErrorKind.PreconditionFailed, ErrorReasons.TenantSuspended,
        $"tenants/{tenant} is suspended.", metadata: new Dictionary<string, string> { ["resource"] = $"tenants/{tenant}" });

    public static Error MethodNotAuthorized(string method) => Error.Custom(ErrorKind.Forbidden, ErrorReasons.MethodNotAuthorized,
        $"{method} declares no permission and is refused.");
}
