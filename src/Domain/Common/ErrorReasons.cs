namespace Platform.Domain.Common;

/// <summary>
/// The machine-readable reasons sent in google.rpc.ErrorInfo. Each must exist (with the
/// ERROR_REASON_ prefix) in protos/platform/api/v1/error_reason.proto; a test enforces it.
/// </summary>
public static class ErrorReasons
{
    public const string ValidationFailed = "VALIDATION_FAILED";
    public const string InvalidPageToken = "INVALID_PAGE_TOKEN";
    public const string ResourceNotFound = "RESOURCE_NOT_FOUND";
    public const string ResourceAlreadyExists = "RESOURCE_ALREADY_EXISTS";
    public const string ValueAlreadyTaken = "VALUE_ALREADY_TAKEN";
    public const string EtagMismatch = "ETAG_MISMATCH";
    public const string ConcurrentModification = "CONCURRENT_MODIFICATION";
    public const string InvalidState = "INVALID_STATE";
    public const string RequestIdReused = "REQUEST_ID_REUSED";
    public const string InternalError = "INTERNAL_ERROR";
    public const string CredentialsMissing = "CREDENTIALS_MISSING";
    public const string CredentialsInvalid = "CREDENTIALS_INVALID";
    public const string CredentialsExpired = "CREDENTIALS_EXPIRED";
    public const string CredentialsRevoked = "CREDENTIALS_REVOKED";
    public const string PermissionDenied = "PERMISSION_DENIED";
    public const string TenantMismatch = "TENANT_MISMATCH";
    public const string TenantSuspended = "TENANT_SUSPENDED";
    public const string MethodNotAuthorized = "METHOD_NOT_AUTHORIZED";
    public const string DomainNotVerified = "DOMAIN_NOT_VERIFIED";
    public const string RateLimited = "RATE_LIMITED";
    public const string QuotaExceeded = "QUOTA_EXCEEDED";
    public const string IndexLagging = "INDEX_LAGGING";
    public const string InsufficientBalance = "INSUFFICIENT_BALANCE";
}
