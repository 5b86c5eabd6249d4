namespace Platform.Domain.Common;

/// <summary>The transport-neutral category of an error; GrpcHost maps each to one gRPC code.</summary>
public enum ErrorKind
{
    Invalid,
    NotFound,
    AlreadyExists,
    PreconditionFailed,
    Aborted,
    Unauthenticated,
    Forbidden,
    ResourceExhausted,
    /// <summary>Temporarily unable to answer as asked; retrying (after RetryAfter) will succeed.</summary>
    Unavailable,
    Internal,
}
